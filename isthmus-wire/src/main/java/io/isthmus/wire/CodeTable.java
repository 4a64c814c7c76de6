package io.isthmus.wire;

import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * A protocol's constants indexed by their small numeric code, so that decoding a message reads one
 * array slot instead of searching the constants. Built once, in the constants' static initialiser.
 */
public final class CodeTable {

    private CodeTable() {}

    /**
     * An array of {@code size} slots where slot {@code k} holds the constant whose code is {@code k}
     * and every other slot holds {@code unknown}. Constants whose code lies outside {@code 0..size-1}
     * (an "unknown" constant's -1, for instance) are left out.
     */
    public static <E> E[] of(E[] constants, ToIntFunction<E> code, int size, E unknown) {
        E[] table = Arrays.copyOf(constants, size);
        Arrays.fill(table, unknown);
        for (E c : constants) {
            int k = code.applyAsInt(c);
            if (k >= 0 && k < size) {
                table[k] = c;
            }
        }
        return table;
    }
}
