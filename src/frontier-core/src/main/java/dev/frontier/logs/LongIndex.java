package dev.frontier.logs;

import java.util.Arrays;

/**
 * Numbers distinct {@code long} keys 0, 1, 2 … in the order they are first seen: an open-addressing table of
 * primitive longs, so that counting millions of prompt hashes or token values costs about 12 bytes each and no
 * boxing. Callers keep their figures in arrays indexed by the number.
 */
final class LongIndex {
    private long[] keys;
    private int[] ids;      // 0: empty slot; else id + 1
    private int size;

    LongIndex() {
        keys = new long[64];
        ids = new int[64];
    }

    /** Distinct keys seen. */
    int size() {
        return size;
    }

    /** The key's number, given the next one when it is new. */
    int id(long key) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (ids[i] == 0) {
                keys[i] = key;
                ids[i] = ++size;
                return size - 1;
            }
            if (keys[i] == key) {
                return ids[i] - 1;
            }
        }
    }

    /** The key's number, or -1 when it has not been seen. */
    int find(long key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            if (ids[i] == 0) {
                return -1;
            }
            if (keys[i] == key) {
                return ids[i] - 1;
            }
        }
    }

    /** The keys by number. */
    long[] keys() {
        long[] out = new long[size];
        for (int i = 0; i < keys.length; i++) {
            if (ids[i] != 0) {
                out[ids[i] - 1] = keys[i];
            }
        }
        return out;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new long[oldKeys.length * 2];
        ids = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldIds[j] != 0) {
                int i = mix(oldKeys[j]) & mask;
                while (ids[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                ids[i] = oldIds[j];
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** A growable array of longs, by index. */
    static final class Longs {
        private long[] values = new long[64];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        /** Adds {@code v} to the value at {@code i}, extending the array with zeros as needed. */
        void addAt(int i, long v) {
            while (i >= size) {
                add(0);
            }
            values[i] += v;
        }

        long get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** A growable array of ints. */
    static final class Ints {
        private int[] values = new int[64];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int get(int i) {
            return values[i];
        }
    }
}
