package dev.ouroboros.core.internal.journal;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One verified journal record.
 *
 * @param version  the record format version
 * @param sequence 1 for the first record, then +1 per record
 * @param type     what the record says, e.g. {@code candidate} or {@code winner}
 * @param time     when it was appended
 * @param fields   the record's own members, without the envelope ({@code v, seq, type, time, crc})
 * @param line     1-based line number in the journal file
 */
public record JournalRecord(int version, long sequence, String type, Instant time, Map<String, Object> fields, long line) {

    /** Validates the record. */
    public JournalRecord {
        Objects.requireNonNull(type, "type must not be null");
        Objects.requireNonNull(time, "time must not be null");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Returns a string member, which may be JSON {@code null}. */
    public String string(String key) {
        Object v = member(key);
        if (v != null && !(v instanceof String)) {
            throw new IllegalArgumentException("field '" + key + "' must be a string, was " + v);
        }
        return (String) v;
    }

    /** Returns a whole-number member. */
    public long longValue(String key) {
        if (member(key) instanceof Long l) {
            return l;
        }
        throw new IllegalArgumentException("field '" + key + "' must be a whole number, was " + fields.get(key));
    }

    /** Returns a number member; JSON {@code null} (how non-finite numbers are written) reads as {@code NaN}. */
    public double doubleValue(String key) {
        Object v = member(key);
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("field '" + key + "' must be a number, was " + v);
    }

    /** Returns a boolean member. */
    public boolean booleanValue(String key) {
        if (member(key) instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("field '" + key + "' must be true or false, was " + fields.get(key));
    }

    /** Returns a member that maps strings to strings. */
    @SuppressWarnings("unchecked")
    public Map<String, String> stringMap(String key) {
        if (member(key) instanceof Map<?, ?> m) {
            return (Map<String, String>) m;
        }
        throw new IllegalArgumentException("field '" + key + "' must be an object of strings, was " + fields.get(key));
    }

    private Object member(String key) {
        if (!fields.containsKey(key)) {
            throw new IllegalArgumentException("field '" + key + "' is missing");
        }
        return fields.get(key);
    }
}
