package dev.ouroboros.core.internal.journal;

import dev.ouroboros.core.DataDirectoryException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Seals lines for the journal and verifies them on the way back.
 *
 * <p>A line is {@code {"v":1,"seq":…,"type":…,"time":…,…,"crc":"xxxxxxxx"}} followed by a newline;
 * the checksum covers the line's bytes before {@code ,"crc":"} plus the closing brace, i.e. the
 * canonical record text without its checksum.
 */
final class JournalReader {

    private static final byte[] CRC_KEY = ",\"crc\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CRC_MEMBER = "\"crc\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int CRC_HEX = 8;
    private static final byte[] RECORD_START = "{\"v\":".getBytes(StandardCharsets.US_ASCII);

    /** The verified records, how many bytes of the file they fill, and why the rest (if any) was torn. */
    record Result(List<JournalRecord> records, long validLength, String tailProblem) {
    }

    private JournalReader() {
    }

    /** Returns the line for the canonical record text {@code body}: with its checksum and newline, as UTF-8. */
    static byte[] seal(String body) {
        byte[] text = body.getBytes(StandardCharsets.UTF_8);
        String crc = crc(text, text.length);
        String line = body.substring(0, body.length() - 1) + ",\"crc\":\"" + crc + "\"}\n";
        return line.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Verifies every line of the journal.
     *
     * @throws DataDirectoryException naming the file, the line and the sequence when a bad record is
     *         followed by other data, when sequence numbers are not contiguous, or when a record is newer
     *         than {@code format}
     */
    static Result read(Path file, byte[] bytes, int format) {
        List<JournalRecord> records = new ArrayList<>();
        long validLength = 0;
        int start = 0;
        long lineNo = 0;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            lineNo++;
            if (end < 0) {
                return torn(file, bytes, records, validLength, "incomplete last line, no newline");
            }
            Object verdict = verify(Arrays.copyOfRange(bytes, start, end), lineNo);
            if (verdict instanceof String problem) {
                return torn(file, bytes, records, validLength, problem);
            }
            JournalRecord r = (JournalRecord) verdict;
            long expected = records.isEmpty() ? 1 : records.get(records.size() - 1).sequence() + 1;
            if (r.version() > format) {
                throw new DataDirectoryException(file, "line " + lineNo + " (sequence " + r.sequence()
                        + ") was written by a newer Ouroboros (record format " + r.version() + ", this version reads up to "
                        + format + "); upgrade Ouroboros or use another directory");
            }
            if (r.sequence() != expected) {
                throw new DataDirectoryException(file, "line " + lineNo + " has sequence " + r.sequence()
                        + " but " + expected + " was expected: records are missing or out of order; refusing to "
                        + "open a journal that lost acknowledged records — restore it from a backup or move it aside");
            }
            records.add(r);
            start = end + 1;
            validLength = start;
        }
        return new Result(records, validLength, "");
    }

    /**
     * Accepts the bytes after the last good record as a torn tail only if they can be what one interrupted
     * append left behind: a single line at most, holding at most one checksum member. Anything more means
     * a bad record sits in the middle, and that is refused.
     */
    private static Result torn(Path file, byte[] bytes, List<JournalRecord> records, long validLength, String problem) {
        int from = (int) validLength;
        int newline = indexOf(bytes, (byte) '\n', from);
        boolean oneLine = newline < 0 || newline == bytes.length - 1;
        int first = indexOf(bytes, CRC_MEMBER, from);
        boolean oneRecord = first < 0 || indexOf(bytes, CRC_MEMBER, first + 1) < 0;
        if (oneLine && oneRecord) {
            if (records.isEmpty() && !looksLikeOurs(bytes)) {
                throw new DataDirectoryException(file, "line 1 is not an Ouroboros journal record (" + problem
                        + "); the file was not written by Ouroboros — Ouroboros never overwrites it: move it aside");
            }
            return new Result(records, validLength, problem);
        }
        long line = records.size() + 1L;
        String after = records.isEmpty() ? "at the start" : "after sequence " + records.get(records.size() - 1).sequence();
        throw new DataDirectoryException(file, "line " + line + " (" + after + ") is corrupt: " + problem
                + "; it is followed by more records, so this is not a torn tail but damage in the middle of the journal. "
                + "Refusing to open it rather than lose acknowledged records — restore the file from a backup or move "
                + "the directory aside");
    }

    /**
     * A journal without a single valid record is only dropped as a torn first append if it starts the
     * way every record starts (or holds nothing but the zeros a crash can leave); anything else is foreign.
     */
    private static boolean looksLikeOurs(byte[] bytes) {
        int n = Math.min(bytes.length, RECORD_START.length);
        if (Arrays.equals(bytes, 0, n, RECORD_START, 0, n)) {
            return true;
        }
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Returns the record, or a String saying why the line is not a valid record. */
    private static Object verify(byte[] line, long lineNo) {
        int at = lastIndexOf(line, CRC_KEY);
        if (at < 0) {
            return "no checksum member";
        }
        int hexFrom = at + CRC_KEY.length;
        if (line.length != hexFrom + CRC_HEX + 2 || line[line.length - 2] != '"' || line[line.length - 1] != '}') {
            return "checksum member is not last or malformed";
        }
        String stored = new String(line, hexFrom, CRC_HEX, StandardCharsets.US_ASCII);
        byte[] body = Arrays.copyOf(line, at + 1);
        body[at] = '}';
        String actual = crc(body, body.length);
        if (!actual.equals(stored)) {
            return "checksum mismatch (stored " + stored + ", computed " + actual + ")";
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return "not UTF-8";
        }
        Map<String, Object> members;
        try {
            members = Json.read(text);
        } catch (Json.SyntaxException e) {
            return "not a JSON object: " + e.getMessage();
        }
        if (!(members.get("v") instanceof Long v) || v < 1) {
            return "no format version 'v'";
        }
        if (!(members.get("seq") instanceof Long seq) || seq < 1) {
            return "no sequence number 'seq'";
        }
        if (!(members.get("type") instanceof String type)) {
            return "no record type 'type'";
        }
        Instant time;
        try {
            time = Instant.parse(String.valueOf(members.get("time")));
        } catch (DateTimeException e) {
            return "no timestamp 'time'";
        }
        Map<String, Object> fields = new LinkedHashMap<>(members);
        fields.keySet().removeAll(List.of("v", "seq", "type", "time"));
        return new JournalRecord((int) Math.min(Integer.MAX_VALUE, v), seq, type, time, fields, lineNo);
    }

    private static String crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] bytes, byte[] needle, int from) {
        outer:
        for (int i = from; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte[] needle) {
        for (int i = bytes.length - needle.length; i >= 0; i--) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
