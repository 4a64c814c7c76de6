package io.isthmus.wire.bacnet.apdu;

import io.isthmus.wire.bacnet.encoding.Tag;
import io.isthmus.wire.bacnet.encoding.TagReader;
import java.util.Optional;

/** The device and object discovery services (ASHRAE 135 clause 16.9, 16.10). */
final class Discovery {
    private Discovery() {}

    /** Longest object name kept as an attribute. */
    private static final int MAX_NAME_OCTETS = 256;

    private static final String[] SEGMENTATION = {
        "segmented-both", "segmented-transmit", "segmented-receive", "no-segmentation"
    };

    /**
     * I-Am-Request (clause 16.10.3): iAmDeviceIdentifier, maxAPDULengthAccepted,
     * segmentationSupported and vendorID, all application tagged.
     */
    static void iAm(TagReader t, ServiceFacts facts) {
        Optional<Tag> device = t.next();
        Optional<Tag> maxApdu = t.next();
        Optional<Tag> segmentation = t.next();
        Optional<Tag> vendor = t.next();
        if (!application(device, Tag.OBJECT_IDENTIFIER)
                || !application(maxApdu, Tag.UNSIGNED)
                || !application(segmentation, Tag.ENUMERATED)
                || !application(vendor, Tag.UNSIGNED)) {
            facts.unexpected("I-Am needs objectIdentifier, Unsigned, Enumerated, Unsigned");
            return;
        }
        t.objectIdentifier(device.get())
                .ifPresent(
                        id -> facts.attribute("device_instance", id.instance()).range(id.instance(), 1));
        facts.attribute("max_apdu", t.unsigned(maxApdu.get()));
        long seg = t.unsigned(segmentation.get());
        facts.attribute("segmentation", seg < SEGMENTATION.length ? SEGMENTATION[(int) seg] : String.valueOf(seg));
        facts.attribute("vendor_id", t.unsigned(vendor.get()));
    }

    /** I-Have-Request (clause 16.9.3): deviceIdentifier, objectIdentifier, objectName. */
    static void iHave(TagReader t, ServiceFacts facts) {
        Optional<Tag> device = t.next();
        Optional<Tag> object = t.next();
        Optional<Tag> name = t.next();
        if (!application(device, Tag.OBJECT_IDENTIFIER)
                || !application(object, Tag.OBJECT_IDENTIFIER)
                || !application(name, Tag.CHARACTER_STRING)) {
            facts.unexpected("I-Have needs objectIdentifier, objectIdentifier, CharacterString");
            return;
        }
        t.objectIdentifier(device.get()).ifPresent(id -> facts.attribute("device_instance", id.instance()));
        t.objectIdentifier(object.get()).ifPresent(id -> facts.object(id).range(id.instance(), 1));
        facts.attribute("object_name", CharacterStrings.decode(t, name.get(), MAX_NAME_OCTETS));
    }

    /**
     * Who-Is-Request (clause 16.10.1): both limits or neither. With limits, the address is the low
     * instance and the quantity the number of instances asked for.
     */
    static void whoIs(TagReader t, ServiceFacts facts) {
        Optional<Tag> low = t.next();
        if (low.isEmpty()) {
            return;
        }
        Optional<Tag> high = t.next();
        if (!low.get().isContext(0) || high.isEmpty() || !high.get().isContext(1)) {
            facts.unexpected("Who-Is limits must be [0] and [1] together");
            return;
        }
        long from = t.unsigned(low.get());
        long to = t.unsigned(high.get());
        facts.attribute("low_limit", from).attribute("high_limit", to);
        if (to >= from) {
            facts.range(from, to - from + 1);
        } else {
            facts.unexpected("Who-Is high limit " + to + " below low limit " + from);
        }
    }

    /** Who-Has-Request (clause 16.9.1): optional [0]/[1] limits, then [2] object or [3] name. */
    static void whoHas(TagReader t, ServiceFacts facts) {
        Optional<Tag> tag = t.next();
        if (tag.isPresent() && tag.get().isContext(0)) {
            facts.attribute("low_limit", t.unsigned(tag.get()));
            Optional<Tag> high = t.next();
            if (high.isEmpty() || !high.get().isContext(1)) {
                facts.unexpected("Who-Has limits must be [0] and [1] together");
                return;
            }
            facts.attribute("high_limit", t.unsigned(high.get()));
            tag = t.next();
        }
        if (tag.isPresent() && tag.get().isContext(2)) {
            t.objectIdentifier(tag.get()).ifPresent(id -> facts.object(id).range(id.instance(), 1));
        } else if (tag.isPresent() && tag.get().isContext(3)) {
            facts.attribute("object_name", CharacterStrings.decode(t, tag.get(), MAX_NAME_OCTETS));
        } else {
            facts.unexpected("Who-Has needs [2] objectIdentifier or [3] objectName");
        }
    }

    private static boolean application(Optional<Tag> tag, int number) {
        return tag.isPresent()
                && tag.get().kind() == Tag.Kind.PRIMITIVE
                && tag.get().isApplication(number);
    }
}
