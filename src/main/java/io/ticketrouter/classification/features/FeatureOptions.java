package io.ticketrouter.classification.features;

/**
 * How terms are extracted from a ticket. Stored in the bundle so prediction extracts terms exactly
 * as training did.
 *
 * @param subjectWeight how many times each subject term counts (1 = like the body)
 * @param bigrams       add word bigrams of adjacent kept terms
 * @param charNgramMax  0 = no character n-grams; otherwise n-grams of 3..charNgramMax characters inside words
 *                      of at least 5 letters (helps German compounds)
 * @param stemming      Snowball stemming per language
 * @param classScores   add cross-fitted naive-Bayes class scores as forest features ({@link ClassScores})
 */
public record FeatureOptions(
        int subjectWeight, boolean bigrams, int charNgramMax, boolean stemming, boolean classScores) {

    public FeatureOptions {
        if (subjectWeight < 1 || subjectWeight > 5) {
            throw new IllegalArgumentException("subject weight must be 1 to 5, got " + subjectWeight);
        }
        if (charNgramMax != 0 && (charNgramMax < 3 || charNgramMax > 6)) {
            throw new IllegalArgumentException(
                    "character n-gram length must be 0 (off) or 3 to 6, got " + charNgramMax);
        }
    }
}
