package io.lambdajca.adapter.testing;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records a named {@code java.util.logging} logger publishes while this is open, for a test to assert on; closing
 * it detaches it and puts back the logger's level and use of parent handlers if it changed them.
 */
public final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final Level levelBefore;
    private final boolean useParentHandlersBefore;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLog(String loggerName) {
        logger = Logger.getLogger(loggerName);
        levelBefore = logger.getLevel();
        useParentHandlersBefore = logger.getUseParentHandlers();
        logger.addHandler(handler);
    }

    /** Captures what the logger named (and its children) publish at the level it has. */
    public static CapturedLog of(String loggerName) {
        return new CapturedLog(loggerName);
    }

    /** Captures what the logger named (and its children) publish, with its level set to {@code level} meanwhile. */
    public static CapturedLog of(String loggerName, Level level) {
        CapturedLog log = new CapturedLog(loggerName);
        log.logger.setLevel(level);
        return log;
    }

    /** Keeps the logger's records from its parents' handlers (the console) until closed. */
    public CapturedLog withoutParentHandlers() {
        logger.setUseParentHandlers(false);
        return this;
    }

    /** The records captured so far, oldest first: a live view, safe to read while other threads log. */
    public List<LogRecord> records() {
        return Collections.unmodifiableList(records);
    }

    /** The messages (unformatted) of the records captured so far that {@code which} accepts, oldest first. */
    public List<String> messages(Predicate<? super LogRecord> which) {
        return records.stream().filter(which).map(LogRecord::getMessage).toList();
    }

    /** The messages captured so far that start with {@code prefix} (a message id such as "LAMBDAJCA1006"). */
    public List<String> messagesStartingWith(String prefix) {
        return messages(r -> r.getMessage() != null && r.getMessage().startsWith(prefix));
    }

    /** Forgets the records captured so far. */
    public void clear() {
        records.clear();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(levelBefore);
        logger.setUseParentHandlers(useParentHandlersBefore);
    }
}
