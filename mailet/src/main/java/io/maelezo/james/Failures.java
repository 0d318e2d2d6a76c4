package io.maelezo.james;

/** What the mailets do with any failure of their own: nothing is ever thrown to James. */
final class Failures {
    private Failures() {
    }

    /** Rethrows what no mailet should swallow (the JVM is failing); anything else is for the caller to log. */
    static void rethrowIfFatal(Throwable t) {
        if (t instanceof VirtualMachineError) {
            throw (VirtualMachineError) t;
        }
    }

    static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message.replaceAll("[\\r\\n]+", " "));
    }
}
