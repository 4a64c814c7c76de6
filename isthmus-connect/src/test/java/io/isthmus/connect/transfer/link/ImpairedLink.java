package io.isthmus.connect.transfer.link;

import java.util.ArrayDeque;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Applies an {@link Impairment} to a stream of datagrams: drops, duplicates, holds back (reorders)
 * and flips one bit, all drawn from one seeded generator. Counts what it did, so a test can say how
 * much damage the transfer survived.
 */
public final class ImpairedLink {
    private final Impairment impairment;
    private final Random random;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private long passed;
    public long in;
    public long dropped;
    public long duplicated;
    public long reordered;
    public long flipped;
    public long out;

    public ImpairedLink(Impairment impairment) {
        this.impairment = impairment;
        this.random = new Random(impairment.seed());
    }

    /** One datagram in; zero or more datagrams out to {@code next}, now or later. */
    public void offer(byte[] datagram, int length, Consumer<byte[]> next) {
        in++;
        byte[] copy = java.util.Arrays.copyOf(datagram, length);
        if (random.nextDouble() < impairment.loss()) {
            dropped++;
            release(next);
            return;
        }
        if (random.nextDouble() < impairment.bitFlip() && length > 0) {
            int bit = random.nextInt(length * 8);
            copy[bit / 8] ^= (byte) (1 << (bit % 8));
            flipped++;
        }
        boolean dup = random.nextDouble() < impairment.duplicate();
        if (random.nextDouble() < impairment.reorder()) {
            reordered++;
            held.addLast(new Held(copy, passed + impairment.reorderDepth()));
        } else {
            emit(copy, next);
        }
        if (dup) {
            duplicated++;
            emit(copy.clone(), next);
        }
        release(next);
    }

    /** Releases everything held back. */
    public void flush(Consumer<byte[]> next) {
        while (!held.isEmpty()) {
            emit(held.removeFirst().datagram, next);
        }
    }

    private void release(Consumer<byte[]> next) {
        while (!held.isEmpty() && held.peekFirst().after <= passed) {
            emit(held.removeFirst().datagram, next);
        }
    }

    private void emit(byte[] datagram, Consumer<byte[]> next) {
        passed++;
        out++;
        next.accept(datagram);
    }

    public String summary() {
        return "in " + in + ", dropped " + dropped + ", duplicated " + duplicated + ", reordered " + reordered
                + ", bit-flipped " + flipped + ", out " + out;
    }

    private record Held(byte[] datagram, long after) {}
}
