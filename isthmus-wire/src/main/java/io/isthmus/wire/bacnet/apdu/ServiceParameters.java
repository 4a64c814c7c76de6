package io.isthmus.wire.bacnet.apdu;

import io.isthmus.wire.bacnet.encoding.ObjectIdentifier;
import io.isthmus.wire.bacnet.encoding.Tag;
import io.isthmus.wire.bacnet.encoding.TagReader;
import java.util.Optional;

/**
 * Reads the leading service parameters (ASHRAE 135 clause 21 productions) that say what a message
 * touches: object, property, array index and priority of property access; the I-Am identity;
 * Who-Is limits; reinitialize and communication-control states. Everything else is left unread.
 * The tag reader bounds the work; a parameter list that does not fit the production is noted in
 * {@link ServiceFacts#unexpected()}.
 */
public final class ServiceParameters {
    private ServiceParameters() {}

    /** Parameters of a confirmed request (the first or only segment). */
    public static ServiceFacts confirmedRequest(ConfirmedService service, TagReader t, AttributeRecord into) {
        ServiceFacts facts = new ServiceFacts(into);
        switch (service) {
            case READ_PROPERTY, READ_RANGE -> objectProperty(t, facts, false);
            case WRITE_PROPERTY -> objectProperty(t, facts, true);
            case READ_PROPERTY_MULTIPLE, WRITE_PROPERTY_MULTIPLE -> multiple(t, facts);
            case ATOMIC_READ_FILE, ATOMIC_WRITE_FILE, DELETE_OBJECT -> applicationObject(t, facts);
            case SUBSCRIBE_COV, SUBSCRIBE_COV_PROPERTY -> contextObjectAfterProcessId(t, facts);
            case CREATE_OBJECT -> createObject(t, facts);
            case REINITIALIZE_DEVICE -> DeviceManagement.reinitialize(t, facts);
            case DEVICE_COMMUNICATION_CONTROL -> DeviceManagement.communicationControl(t, facts);
            case ACKNOWLEDGE_ALARM,
                    CONFIRMED_COV_NOTIFICATION,
                    CONFIRMED_EVENT_NOTIFICATION,
                    GET_ALARM_SUMMARY,
                    GET_ENROLLMENT_SUMMARY,
                    ADD_LIST_ELEMENT,
                    REMOVE_LIST_ELEMENT,
                    READ_PROPERTY_CONDITIONAL,
                    CONFIRMED_PRIVATE_TRANSFER,
                    CONFIRMED_TEXT_MESSAGE,
                    VT_OPEN,
                    VT_CLOSE,
                    VT_DATA,
                    AUTHENTICATE,
                    REQUEST_KEY,
                    LIFE_SAFETY_OPERATION,
                    GET_EVENT_INFORMATION,
                    SUBSCRIBE_COV_PROPERTY_MULTIPLE,
                    CONFIRMED_COV_NOTIFICATION_MULTIPLE,
                    CONFIRMED_AUDIT_NOTIFICATION,
                    AUDIT_LOG_QUERY,
                    UNKNOWN -> {}
        }
        return facts;
    }

    /** Parameters of a ComplexACK: readProperty and readRange start with the object and property. */
    public static ServiceFacts complexAck(ConfirmedService service, TagReader t, AttributeRecord into) {
        ServiceFacts facts = new ServiceFacts(into);
        if (service == ConfirmedService.READ_PROPERTY || service == ConfirmedService.READ_RANGE) {
            objectProperty(t, facts, false);
        } else if (service == ConfirmedService.READ_PROPERTY_MULTIPLE) {
            multiple(t, facts);
        }
        return facts;
    }

    /** Parameters of an unconfirmed request. */
    public static ServiceFacts unconfirmedRequest(UnconfirmedService service, TagReader t, AttributeRecord into) {
        ServiceFacts facts = new ServiceFacts(into);
        switch (service) {
            case I_AM -> Discovery.iAm(t, facts);
            case I_HAVE -> Discovery.iHave(t, facts);
            case WHO_IS -> Discovery.whoIs(t, facts);
            case WHO_HAS -> Discovery.whoHas(t, facts);
            case UNCONFIRMED_COV_NOTIFICATION,
                    UNCONFIRMED_EVENT_NOTIFICATION,
                    UNCONFIRMED_PRIVATE_TRANSFER,
                    UNCONFIRMED_TEXT_MESSAGE,
                    TIME_SYNCHRONIZATION,
                    UTC_TIME_SYNCHRONIZATION,
                    WRITE_GROUP,
                    UNCONFIRMED_COV_NOTIFICATION_MULTIPLE,
                    UNCONFIRMED_AUDIT_NOTIFICATION,
                    WHO_AM_I,
                    YOU_ARE,
                    UNKNOWN -> {}
        }
        return facts;
    }

    /**
     * Error-PDU parameters (clause 21 Error production): the first error class and error code,
     * found inside any context brackets that wrap them for the richer error types.
     */
    public static ServiceFacts error(TagReader t, AttributeRecord into) {
        ServiceFacts facts = new ServiceFacts(into);
        Optional<Long> errorClass = Optional.empty();
        for (Optional<Tag> tag = t.next(); tag.isPresent(); tag = t.next()) {
            if (tag.get().kind() != Tag.Kind.PRIMITIVE || !tag.get().isApplication(Tag.ENUMERATED)) {
                continue;
            }
            long value = t.unsigned(tag.get());
            if (errorClass.isEmpty()) {
                errorClass = Optional.of(value);
            } else {
                facts.status(ErrorClass.describe(errorClass.get()) + ": " + ErrorCode.describe(value));
                return facts;
            }
        }
        return facts.unexpected("no error class and error code");
    }

    /**
     * ReadProperty-Request, WriteProperty-Request, ReadProperty-ACK, ReadRange (clause 15.5, 15.9,
     * 15.8): [0] objectIdentifier, [1] propertyIdentifier, [2] propertyArrayIndex OPTIONAL, and for
     * writes [3] propertyValue and [4] priority OPTIONAL. Read with the tag reader's current tag
     * ({@link TagReader#advance}): the most frequent parameters of BACnet traffic, no tag object
     * per tag.
     */
    private static void objectProperty(TagReader t, ServiceFacts facts, boolean write) {
        if (!t.advance() || !t.currentIsContext(0)) {
            facts.unexpected("no [0] objectIdentifier");
            return;
        }
        long id = t.currentObjectIdentifier();
        if (id >= 0) {
            ObjectIdentifier object = ObjectIdentifier.of(id);
            facts.object(object).range(object.instance(), 1);
        }
        if (!t.advance() || !t.currentIsContext(1)) {
            facts.unexpected("no [1] propertyIdentifier");
            return;
        }
        long propertyCode = t.currentUnsigned();
        facts.attribute("property", PropertyIdentifier.describe(propertyCode));
        boolean next = t.advance();
        if (next && t.currentIsContext(2)) {
            facts.attribute("array_index", t.currentUnsigned());
            next = t.advance();
        }
        if (!write) {
            if (next) {
                identityValue(t, facts, propertyCode);
            }
            return;
        }
        if (!next || !t.currentOpens(3)) {
            facts.unexpected("no [3] propertyValue");
            return;
        }
        t.skipCurrentConstructed();
        if (t.advance() && t.currentIsContext(4)) {
            facts.attribute("priority", t.currentUnsigned());
        }
    }

    /**
     * True for the text properties a device identifies itself with (clause 12.11): inventory reads
     * them. A switch on the named property, not a set of boxed codes: asked for every
     * ReadProperty-ACK.
     */
    private static boolean identityText(long propertyCode) {
        return switch (PropertyIdentifier.of(propertyCode)) {
            case VENDOR_NAME, MODEL_NAME, FIRMWARE_REVISION, APPLICATION_SOFTWARE_VERSION, OBJECT_NAME -> true;
            default -> false;
        };
    }

    private static final int MAX_VALUE_OCTETS = 256;

    /**
     * In a ReadProperty-ACK of an identity text property, the value's first character string as
     * {@code property_value}; other values are not decoded. The tag after the property (and array
     * index) is the reader's current tag.
     */
    private static void identityValue(TagReader t, ServiceFacts facts, long propertyCode) {
        if (!identityText(propertyCode) || !t.currentOpens(3)) {
            return;
        }
        if (t.advance() && t.currentIsApplication(Tag.CHARACTER_STRING)) {
            facts.attribute("property_value", CharacterStrings.decode(t, t.current(), MAX_VALUE_OCTETS));
        }
    }

    /**
     * ReadPropertyMultiple and WritePropertyMultiple (clause 15.7, 15.10): a list of [0]
     * objectIdentifier followed by a bracketed [1] list. The first object is the address, the
     * number of objects the quantity.
     */
    private static void multiple(TagReader t, ServiceFacts facts) {
        int objects = 0;
        Optional<ObjectIdentifier> first = Optional.empty();
        for (Optional<Tag> tag = t.next(); tag.isPresent(); tag = t.next()) {
            Tag tg = tag.get();
            if (tg.isContext(0)) {
                Optional<ObjectIdentifier> id = t.objectIdentifier(tg);
                objects++;
                first = first.isPresent() ? first : id;
            } else if (tg.kind() == Tag.Kind.OPENING) {
                t.skipConstructed(tg);
            } else {
                facts.unexpected("tag " + tg.number() + " where [0] objectIdentifier or [1] list belongs");
                return;
            }
        }
        if (first.isPresent()) {
            facts.object(first.get()).range(first.get().instance(), objects);
        } else if (!t.octets().failed()) {
            facts.unexpected("no [0] objectIdentifier");
        }
    }

    /** AtomicReadFile, AtomicWriteFile, DeleteObject: an application-tagged objectIdentifier first. */
    private static void applicationObject(TagReader t, ServiceFacts facts) {
        Optional<Tag> object = t.next();
        if (object.isEmpty() || !object.get().isApplication(Tag.OBJECT_IDENTIFIER)) {
            facts.unexpected("no objectIdentifier");
            return;
        }
        t.objectIdentifier(object.get()).ifPresent(id -> facts.object(id).range(id.instance(), 1));
    }

    /** SubscribeCOV and SubscribeCOVProperty (clause 13.14, 13.15): [0] process id, [1] object. */
    private static void contextObjectAfterProcessId(TagReader t, ServiceFacts facts) {
        Optional<Tag> process = t.next();
        Optional<Tag> object = t.next();
        if (process.isEmpty()
                || !process.get().isContext(0)
                || object.isEmpty()
                || !object.get().isContext(1)) {
            facts.unexpected("no [0] subscriberProcessIdentifier and [1] monitoredObjectIdentifier");
            return;
        }
        t.objectIdentifier(object.get()).ifPresent(id -> facts.object(id).range(id.instance(), 1));
    }

    /** CreateObject (clause 15.3): [0] objectSpecifier, a choice of [0] objectType or [1] objectIdentifier. */
    private static void createObject(TagReader t, ServiceFacts facts) {
        Optional<Tag> open = t.next();
        Optional<Tag> choice = t.next();
        if (open.isEmpty() || !open.get().opens(0) || choice.isEmpty()) {
            facts.unexpected("no [0] objectSpecifier");
            return;
        }
        if (choice.get().isContext(0)) {
            facts.attribute("object_type", ObjectType.describe(t.unsigned(choice.get())));
        } else if (choice.get().isContext(1)) {
            t.objectIdentifier(choice.get()).ifPresent(id -> facts.object(id).range(id.instance(), 1));
        } else {
            facts.unexpected("objectSpecifier is neither [0] objectType nor [1] objectIdentifier");
        }
    }
}
