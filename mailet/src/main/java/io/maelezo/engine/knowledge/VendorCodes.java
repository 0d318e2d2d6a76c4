package io.maelezo.engine.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.maelezo.engine.Category;
import io.maelezo.engine.match.KeywordIndex;
import io.maelezo.engine.match.ReplyText;

/**
 * Codes big providers write in their replies ({@code vendor-codes.tsv}): Microsoft's 5.7.5xx to
 * 5.7.7xx and S3140/S3150, Yahoo's TSS codes. Looked for before anything else: they are the most
 * specific thing a reply can say.
 */
public final class VendorCodes {
    /** One vendor code's meaning. */
    public static final class Entry {
        private final String pattern;
        private final Category category;
        private final String blocklist;
        private final int row;

        Entry(String pattern, Category category, String blocklist, int row) {
            this.pattern = pattern;
            this.category = category;
            this.blocklist = blocklist;
            this.row = row;
        }

        /** The row's line in vendor-codes.tsv, to tell which row decided. */
        public int line() {
            return row;
        }

        public Category category() {
            return category;
        }

        /** The operator id when the code is that operator's own listing. */
        public Optional<String> blocklist() {
            return blocklist.isEmpty() ? Optional.empty() : Optional.of(blocklist);
        }
    }

    private final List<Entry> entries;
    private final KeywordIndex index;

    private VendorCodes(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        List<String> sources = new ArrayList<>();
        entries.forEach(entry -> sources.add(entry.pattern));
        this.index = new KeywordIndex(sources, Pattern.CASE_INSENSITIVE);
    }

    public static VendorCodes load() {
        List<Entry> entries = new ArrayList<>();
        for (Map<String, String> row : TsvTable.load("vendor-codes.tsv").rows()) {
            entries.add(new Entry(row.get("pattern"),
                Category.requireId(row.get("category")), row.get("blocklist"), Integer.parseInt(row.get(TsvTable.LINE))));
        }
        return new VendorCodes(entries);
    }

    public Optional<Entry> match(String reply) {
        return match(ReplyText.of(reply));
    }

    public Optional<Entry> match(ReplyText reply) {
        int first = index.firstMatching(reply);
        return first < 0 ? Optional.empty() : Optional.of(entries.get(first));
    }

    /** The line of each code in vendor-codes.tsv. */
    public List<Integer> lines() {
        List<Integer> lines = new ArrayList<>();
        for (Entry entry : entries) {
            lines.add(entry.row);
        }
        return lines;
    }

    public int size() {
        return entries.size();
    }
}
