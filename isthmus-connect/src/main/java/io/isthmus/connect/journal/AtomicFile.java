package io.isthmus.connect.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * A small checksummed file replaced atomically: written beside its target, forced, renamed over
 * it, and the directory forced, so after a crash the file holds either the old or the new content.
 *
 * <pre>
 * 8 bytes magic, u16 version 1, u16 flags, n x i64 values, u32 CRC32C of everything before it
 * </pre>
 */
final class AtomicFile {
    private static final int VERSION = 1;
    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");

    private AtomicFile() {}

    /** The decoded flags and values. */
    record Contents(int flags, long[] values) {}

    static void write(Path target, String magic, int flags, long... values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(size(values.length));
        buf.put(magic.getBytes(StandardCharsets.US_ASCII))
                .putShort((short) VERSION)
                .putShort((short) flags);
        for (long v : values) {
            buf.putLong(v);
        }
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue()).flip();
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(target.toAbsolutePath().getParent());
    }

    /**
     * Reads the file, or nothing if it does not exist.
     *
     * @throws JournalCorruptionException if it exists but is not a valid file of this kind
     */
    static Optional<Contents> read(Path target, String magic, int valueCount) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(target);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (bytes.length != size(valueCount)) {
            throw new JournalCorruptionException(
                    target, 0, "is " + bytes.length + " bytes long, expected " + size(valueCount));
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        byte[] actualMagic = new byte[8];
        buf.get(actualMagic);
        if (!magic.equals(new String(actualMagic, StandardCharsets.US_ASCII))) {
            throw new JournalCorruptionException(target, 0, "does not start with " + magic);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        if (buf.getInt(bytes.length - 4) != (int) crc.getValue()) {
            throw new JournalCorruptionException(target, bytes.length - 4, "checksum mismatch");
        }
        if (buf.getShort() != VERSION) {
            throw new JournalCorruptionException(target, 8, "unsupported version " + buf.getShort(8));
        }
        int flags = Short.toUnsignedInt(buf.getShort());
        long[] values = new long[valueCount];
        for (int i = 0; i < valueCount; i++) {
            values[i] = buf.getLong();
        }
        return Optional.of(new Contents(flags, values));
    }

    /**
     * Makes a directory's entries (new, renamed, deleted files) durable, which forcing the files
     * alone does not do on Linux. Windows cannot open a directory for this and journals NTFS
     * metadata itself.
     */
    static void forceDirectory(Path directory) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    private static int size(int valueCount) {
        return 8 + 2 + 2 + 8 * valueCount + 4;
    }
}
