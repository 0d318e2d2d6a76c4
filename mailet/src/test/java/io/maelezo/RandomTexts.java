package io.maelezo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Short texts made of pieces chosen at random, the same ones on every run (fixed seed): what the
 * scanner tests feed both a scanner and the regular expression it stands for.
 */
public final class RandomTexts {
    private RandomTexts() {
    }

    /** {@code count} texts, each of up to {@code maxPieces} of these pieces. */
    public static List<String> of(List<String> pieces, int maxPieces, int count, long seed) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(count);
        for (int round = 0; round < count; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(maxPieces);
            for (int i = 0; i < length; i++) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            texts.add(text.toString());
        }
        return texts;
    }
}
