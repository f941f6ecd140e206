package io.ticketrouter.classification.training;

/**
 * Receives the progress of long stages (reading, tokenizing, vectorizing, each forest). The CLI
 * shows a progress bar on a terminal and plain lines otherwise; tests pass {@link #NONE}.
 */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {
        @Override
        public void start(String stage, long total) {}

        @Override
        public void step(long done) {}

        @Override
        public void finish(String summary) {}
    };

    /** A stage begins; {@code total} is the number of steps, or -1 when unknown. */
    void start(String stage, long total);

    /** Steps done so far in the current stage. */
    void step(long done);

    /** The current stage is done; {@code summary} says what it produced. */
    void finish(String summary);
}
