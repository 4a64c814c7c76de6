package io.isthmus.connect.transfer;

/**
 * Bounds of one transfer batch, checked by the decoder before it allocates and by the encoder so it
 * never produces what the hub would refuse.
 *
 * @param maxBodyBytes the whole encoded batch (the hub also refuses larger HTTP bodies unread)
 * @param maxRecords journal records in one batch
 * @param maxRecordBytes payload of one record (the journal's own default limit is 1 MiB)
 */
public record TransferLimits(int maxBodyBytes, int maxRecords, int maxRecordBytes) {
    public static final TransferLimits DEFAULT = new TransferLimits(16 << 20, 10_000, 1 << 20);

    public TransferLimits {
        if (maxBodyBytes < 64 || maxBodyBytes > (256 << 20)) {
            throw new IllegalArgumentException("maxBodyBytes is " + maxBodyBytes + "; it must be 64 .. 256 MiB");
        }
        if (maxRecords < 1 || maxRecords > 1_000_000) {
            throw new IllegalArgumentException("maxRecords is " + maxRecords + "; it must be 1 .. 1,000,000");
        }
        if (maxRecordBytes < 1 || maxRecordBytes > maxBodyBytes) {
            throw new IllegalArgumentException(
                    "maxRecordBytes is " + maxRecordBytes + "; it must be 1 .. maxBodyBytes " + maxBodyBytes);
        }
    }
}
