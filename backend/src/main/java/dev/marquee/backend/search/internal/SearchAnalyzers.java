package dev.marquee.backend.search.internal;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chains of the search index. Text fields: standard tokenizer, lower case, accents folded
 * ("Amélie" = "amelie"), English stop words removed, plurals reduced ("robots" = "robot"). Typeahead fields
 * add edge n-grams so that a prefix is a plain term lookup at query time (no prefix scan).
 */
final class SearchAnalyzers {
    private SearchAnalyzers() {}

    /** Shortest prefix indexed for typeahead: one letter already narrows a small catalog. */
    static final int MIN_PREFIX_LENGTH = 1;
    /** Longest word prefix indexed; longer words are still indexed whole (preserveOriginal). */
    static final int MAX_WORD_PREFIX_LENGTH = 20;
    /** Longest whole-title prefix indexed, enough for any title typed into a search box. */
    static final int MAX_TITLE_PREFIX_LENGTH = 40;

    /** For full-text fields and for analysing queries. */
    static Analyzer text() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                stream = new ASCIIFoldingFilter(stream);
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                stream = new EnglishMinimalStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** Every word of a title as all its prefixes: "Mandelbrot" → m, ma, man, ..., mandelbrot. No stop words. */
    static Analyzer wordPrefixes() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                stream = new EdgeNGramTokenFilter(stream, MIN_PREFIX_LENGTH, MAX_WORD_PREFIX_LENGTH, true);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** The whole title as its prefixes, to rank titles that start with what was typed first. */
    static Analyzer titlePrefixes() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new KeywordTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                stream = new EdgeNGramTokenFilter(stream, MIN_PREFIX_LENGTH, MAX_TITLE_PREFIX_LENGTH, false);
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** Index-time analysis per field; every field not named uses {@link #text()}. */
    static Analyzer indexing() {
        return new PerFieldAnalyzerWrapper(text(), Map.of(
                SearchFields.TITLE_WORD_PREFIXES, wordPrefixes(),
                SearchFields.TITLE_PREFIXES, titlePrefixes()));
    }
}
