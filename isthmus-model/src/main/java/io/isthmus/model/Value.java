package io.isthmus.model;

/**
 * A typed process value. The sealed set keeps every consumer (historian, console, namespace
 * mapping) exhaustive over the kinds a PLC or OPC UA server can deliver.
 */
public sealed interface Value permits Value.Bool, Value.Int, Value.Real, Value.Text {

    /** The value as a number for trends and aggregates; booleans are 0 or 1, text is NaN. */
    double asDouble();

    static Value of(boolean v) {
        return new Bool(v);
    }

    static Value of(long v) {
        return new Int(v);
    }

    static Value of(double v) {
        return new Real(v);
    }

    static Value of(String v) {
        return new Text(v);
    }

    /** A discrete state: a coil, a run flag, an alarm bit. */
    record Bool(boolean value) implements Value {
        @Override
        public double asDouble() {
            return value ? 1 : 0;
        }
    }

    /** A signed integer: counters, codes, raw register contents. */
    record Int(long value) implements Value {
        @Override
        public double asDouble() {
            return value;
        }
    }

    /** A floating point measurement or setpoint, in the tag's engineering unit. */
    record Real(double value) implements Value {
        @Override
        public double asDouble() {
            return value;
        }
    }

    /** A text value: a recipe name, a firmware string. */
    record Text(String value) implements Value {
        public Text {
            if (value == null) {
                throw new IllegalArgumentException("text value must not be null");
            }
        }

        @Override
        public double asDouble() {
            return Double.NaN;
        }
    }
}
