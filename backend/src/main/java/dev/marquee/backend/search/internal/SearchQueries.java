package dev.marquee.backend.search.internal;

import static dev.marquee.backend.search.internal.SearchFields.*;

import dev.marquee.backend.catalog.ViewerContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;

/**
 * Builds the Lucene queries for what a viewer typed. Does not parse Lucene query syntax: every character is text,
 * so "R&amp;D: (1999)" is a search, not an error.
 *
 * <p>Full text: every word must match (AND), each in any of title, cast, genre or synopsis (best field wins, as
 * Elasticsearch's {@code best_fields}), exactly or within an edit distance that grows with the word's length;
 * the last word may also be an unfinished title word. Suggestions: every word typed is a prefix of a title word.
 */
final class SearchQueries {

    /** Words of a query beyond this are ignored: nobody types more, and each word costs a few term lookups. */
    static final int MAX_QUERY_WORDS = 8;
    /** Words this short must match exactly: one edit would turn "cat" into half the vocabulary. */
    static final int MAX_LENGTH_WITHOUT_EDITS = 2;
    /** Words this short tolerate one edit; longer ones two (Elasticsearch's AUTO fuzziness). */
    static final int MAX_LENGTH_WITH_ONE_EDIT = 5;
    /** Leading characters a typo may not change: first-letter typos are rare, and a fixed one prunes the walk. */
    static final int FUZZY_PREFIX_LENGTH = 1;
    /** Corrections tried for an unknown word: a typo rarely has more plausible readings; each costs 4 lookups. */
    static final int MAX_CORRECTIONS = 5;
    /** How much the non-best fields add to a word's score (dis-max tie breaker). */
    static final float TIE_BREAKER = 0.1f;

    private static final List<Weighted> FIELDS = List.of(
            new Weighted(TITLE, TITLE_BOOST), new Weighted(CAST, CAST_BOOST),
            new Weighted(GENRE, GENRE_BOOST), new Weighted(SYNOPSIS, SYNOPSIS_BOOST));

    private static final Query KIDS_ONLY = new TermQuery(new Term(KIDS, "1"));

    /** Configured once and never changed: their settings are their only state, so all threads share them. */
    private final DirectSpellChecker oneEdit = spellChecker(1);
    private final DirectSpellChecker twoEdits = spellChecker(2);
    private final Analyzer text = SearchAnalyzers.text();
    private final Analyzer titlePrefixes = SearchAnalyzers.titlePrefixes();

    /**
     * The full-text query. A word found as it is in the index is taken as spelled right and matched exactly (the
     * spell checker's "suggest when not in index" rule). For a word the index does not know, the spell checker
     * finds the closest indexed words once, in the {@code spelling} field that holds every word of every field,
     * and each correction is matched exactly in every field, scored below an exact match and by its similarity:
     * one fuzzy term walk per unknown word instead of one per field (see {@code ./marquee bench search}).
     */
    Query fullText(String query, ViewerContext viewer, IndexReader reader) throws IOException {
        List<String> words = words(query);
        if (words.isEmpty()) {
            return new MatchNoDocsQuery("no searchable words");
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            all.add(word(word, corrections(reader, word), i == words.size() - 1), Occur.MUST);
        }
        return filtered(all, viewer);
    }

    private List<SuggestWord> corrections(IndexReader reader, String word) throws IOException {
        int maxEdits = maxEdits(word);
        if (maxEdits == 0 || reader.docFreq(new Term(SPELLING, word)) > 0) {
            return List.of();
        }
        // Most typos are one edit away: walk the terms with two edits only when one found nothing.
        Term misspelt = new Term(SPELLING, word);
        SuggestWord[] found = oneEdit.suggestSimilar(misspelt, MAX_CORRECTIONS, reader, SuggestMode.SUGGEST_ALWAYS);
        if (found.length == 0 && maxEdits == 2) {
            found = twoEdits.suggestSimilar(misspelt, MAX_CORRECTIONS, reader, SuggestMode.SUGGEST_ALWAYS);
        }
        return List.of(found);
    }

    private static Query word(String word, List<SuggestWord> corrections, boolean last) {
        List<Query> alternatives = new ArrayList<>();
        for (Weighted field : FIELDS) {
            alternatives.add(new BoostQuery(new TermQuery(new Term(field.name(), word)), field.boost()));
            for (SuggestWord correction : corrections) {
                Query corrected = new TermQuery(new Term(field.name(), correction.string));
                alternatives.add(new BoostQuery(corrected, field.boost() * FUZZY_WEIGHT * correction.score));
            }
        }
        if (last) {
            Query prefix = new TermQuery(new Term(TITLE_WORD_PREFIXES, word));
            alternatives.add(new BoostQuery(prefix, TITLE_BOOST * LAST_WORD_PREFIX_WEIGHT));
        }
        return new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
    }

    private static DirectSpellChecker spellChecker(int maxEdits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(maxEdits);
        checker.setMinPrefix(FUZZY_PREFIX_LENGTH);
        checker.setMinQueryLength(MAX_LENGTH_WITHOUT_EDITS + 1);
        return checker;
    }

    static int maxEdits(String word) {
        int length = word.codePointCount(0, word.length());
        if (length <= MAX_LENGTH_WITHOUT_EDITS) {
            return 0;
        }
        return length <= MAX_LENGTH_WITH_ONE_EDIT ? 1 : 2;
    }

    Query suggestions(String prefix, ViewerContext viewer) {
        List<String> words = prefixWords(prefix);
        if (words.isEmpty()) {
            return new MatchNoDocsQuery("no searchable words");
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String word : words) {
            all.add(new TermQuery(new Term(TITLE_WORD_PREFIXES, word)), Occur.MUST);
        }
        BytesRef start = titlePrefixes.normalize(TITLE_PREFIXES, prefix.strip());
        all.add(new BoostQuery(new TermQuery(new Term(TITLE_PREFIXES, start)), TITLE_START_BOOST), Occur.SHOULD);
        return filtered(all, viewer);
    }

    private static Query filtered(BooleanQuery.Builder query, ViewerContext viewer) {
        if (viewer.kids()) {
            query.add(KIDS_ONLY, Occur.FILTER);
        }
        return query.build();
    }

    /** The query's words as the text fields index them (stop words gone, plurals reduced). */
    List<String> words(String query) {
        return terms(text, SYNOPSIS, query);
    }

    /**
     * Words of a typeahead prefix, normalised but not stemmed or stop-listed: "the ma" must keep "the" (it may
     * start "Theory") and an unfinished word must stay as typed.
     */
    List<String> prefixWords(String prefix) {
        List<String> words = new ArrayList<>();
        for (String raw : prefix.strip().split("[^\\p{L}\\p{N}]+")) {
            if (!raw.isEmpty() && words.size() < MAX_QUERY_WORDS) {
                words.add(titlePrefixes.normalize(TITLE_PREFIXES, raw).utf8ToString());
            }
        }
        return words;
    }

    private static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_QUERY_WORDS) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Analysing a string cannot fail", e);
        }
        return terms;
    }

    private record Weighted(String name, float boost) {}
}
