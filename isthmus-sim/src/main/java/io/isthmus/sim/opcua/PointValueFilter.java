package io.isthmus.sim.opcua;

import io.isthmus.model.Value;
import io.isthmus.sim.process.PointSpec;
import io.isthmus.sim.process.ProcessImage;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a variable's Value attribute a live view of one process point: every Read, and every
 * sample a subscription takes, asks the {@link ProcessImage}; a Write is handed to it.
 *
 * <p>The node never stores a value, so a client always sees what the process holds now, stamped
 * with the time of the read as both SourceTimestamp and ServerTimestamp (OPC UA Part 4, 7.11).
 *
 * <p>Milo vets a write before it gets here: a read-only point's UserAccessLevel lacks CurrentWrite,
 * which Milo's access controller answers with Bad_UserAccessDenied (it checks UserAccessLevel
 * before AccessLevel, whose refusal would be Bad_NotWritable), and a value whose built-in type is
 * not the variable's DataType gets Bad_TypeMismatch.
 */
final class PointValueFilter implements AttributeFilter {

    private static final Logger log = LoggerFactory.getLogger(PointValueFilter.class);

    private final PointSpec point;
    private final ProcessImage image;

    PointValueFilter(PointSpec point, ProcessImage image) {
        this.point = point;
        this.image = image;
    }

    @Override
    public Object getAttribute(AttributeFilterContext ctx, AttributeId attributeId) {
        return attributeId == AttributeId.Value ? readNow() : ctx.getAttribute(attributeId);
    }

    @Override
    public void writeAttribute(AttributeFilterContext ctx, AttributeId attributeId, Object value) throws UaException {
        if (attributeId == AttributeId.Value) {
            write(((DataValue) value).value());
        } else {
            ctx.writeAttribute(attributeId, value);
        }
    }

    private DataValue readNow() {
        DateTime now = DateTime.now();
        try {
            return new DataValue(PointValues.toVariant(image.read(point.path())), StatusCode.GOOD, now, now);
        } catch (RuntimeException e) {
            log.warn("reading {} from the process image failed", point.path(), e);
            return new DataValue(Variant.NULL_VALUE, new StatusCode(StatusCodes.Bad_InternalError), null, now);
        }
    }

    private void write(Variant variant) throws UaException {
        Optional<Value> value = PointValues.fromVariant(point.type(), variant);
        if (value.isEmpty()) {
            throw new UaException(StatusCodes.Bad_TypeMismatch, point.path() + " is " + point.type());
        }
        boolean accepted;
        try {
            accepted = image.write(point.path(), value.get());
        } catch (RuntimeException e) {
            log.warn("writing {} to {} failed", value.get(), point.path(), e);
            throw new UaException(StatusCodes.Bad_InternalError, "process image failed", e);
        }
        if (!accepted) {
            // ProcessImage.write refuses only read-only points and values of the wrong kind; the
            // access level already let this write through, so the kind is what it objects to.
            throw new UaException(StatusCodes.Bad_TypeMismatch, point.path() + " refused " + value.get());
        }
    }
}
