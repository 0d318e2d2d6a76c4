package io.maelezo.engine.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of one reply, read once and shared by every index: where each word starts, keyed by
 * its first letters (codes such as 5.7.606 count as one word). See {@link KeywordIndex}.
 */
public final class Words {
    static final int KEY_LENGTH = 3;
    static final int CODE_KEY_LENGTH = 5;
    private static final int[] NONE = new int[0];

    private final String text;
    private final String lower;
    private final Map<String, List<Integer>> starts = new HashMap<>();

    private Words(String text) {
        this.text = text;
        char[] folded = new char[text.length()];
        for (int i = 0; i < folded.length; i++) {
            folded[i] = Character.toLowerCase(text.charAt(i)); // one char for one: positions stay
        }
        this.lower = new String(folded);
        int length = lower.length();
        int i = 0;
        while (i < length) {
            char c = lower.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            boolean code = Character.isDigit(c);
            while (i < length && (Character.isLetterOrDigit(lower.charAt(i)) || isCodeDot(lower, i))) {
                i++;
            }
            int longest = code ? CODE_KEY_LENGTH : KEY_LENGTH;
            for (int k = 1; k <= longest && start + k <= i; k++) {
                starts.computeIfAbsent(lower.substring(start, start + k), key -> new ArrayList<>(2)).add(start);
            }
        }
    }

    public static Words of(String text) {
        return new Words(text);
    }

    private static boolean isCodeDot(String text, int i) {
        return text.charAt(i) == '.' && i > 0 && i + 1 < text.length()
            && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
    }

    public String text() {
        return text;
    }

    String lower() {
        return lower;
    }

    /** Where words starting with this key start; none when no word does. */
    int[] startsOf(String key) {
        List<Integer> found = starts.get(key);
        if (found == null) {
            return NONE;
        }
        int[] result = new int[found.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = found.get(i);
        }
        return result;
    }

    /** Every key some word of this text starts with. */
    java.util.Set<String> keys() {
        return starts.keySet();
    }
}
