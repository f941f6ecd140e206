package io.ticketrouter.classification.data;

/** Input data cannot be used: the message names the file and what is wrong, in one line. */
public class DataException extends Exception {

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
