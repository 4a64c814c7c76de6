package io.isthmus.wire.dnp3.app;

import java.util.List;
import java.util.Set;

/**
 * Reads an application fragment (IEEE 1815-2012 clause 4): control, function code, IIN for
 * responses, then the object headers. Object data is stepped over by its known size; the walk
 * stops with a problem — never an exception or an allocation by a wire count — at the first header
 * it cannot size or that names more points than the limit. Keeps nothing between fragments, but
 * reuses its walk and the walk's header array: one parser per thread at a time, as its dissector is.
 */
public final class AppParser {
    private final int maxObjectHeaders;
    private final long maxPointsPerHeader;
    /**
     * The object walk, made on the first fragment (the many short flows of a capture parse none or
     * one) and reused for each after it: a parser is for one thread at a time.
     */
    private ObjectWalk walk;

    /**
     * @param maxObjectHeaders object headers read per fragment before giving up
     * @param maxPointsPerHeader the largest range or count one header may name; a range claiming
     *     2^32 points is reported, never walked
     */
    public AppParser(int maxObjectHeaders, long maxPointsPerHeader) {
        if (maxObjectHeaders < 1 || maxPointsPerHeader < 1) {
            throw new IllegalArgumentException("object limits must be positive");
        }
        this.maxObjectHeaders = maxObjectHeaders;
        this.maxPointsPerHeader = maxPointsPerHeader;
    }

    public AppParsing parse(byte[] fragment) {
        if (fragment.length < 2) {
            return new AppParsing.Unreadable(new AppProblem(
                    AppError.FRAGMENT_TOO_SHORT,
                    fragment.length + " octet(s); a fragment starts with control and function octets",
                    0));
        }
        AppControl control = AppControl.of(fragment[0] & 0xFF);
        int code = fragment[1] & 0xFF;
        FunctionCode function = FunctionCode.of(code);
        if (function == FunctionCode.UNKNOWN) {
            return parsed(
                    control,
                    code,
                    function,
                    Set.of(),
                    List.of(),
                    new AppProblem(AppError.FUNCTION_UNKNOWN, "function code " + code + " is not defined", 1));
        }
        if (!function.isResponse()) {
            return walk(control, code, function, Set.of(), fragment, 2);
        }
        if (fragment.length < 4) {
            return parsed(
                    control,
                    code,
                    function,
                    Set.of(),
                    List.of(),
                    new AppProblem(
                            AppError.FRAGMENT_TOO_SHORT,
                            "response of " + fragment.length + " octets lacks its IIN octets",
                            2));
        }
        return walk(control, code, function, IinSet.of(fragment[2], fragment[3]), fragment, 4);
    }

    private AppParsing walk(
            AppControl control, int code, FunctionCode function, Set<Iin> iin, byte[] fragment, int start) {
        ObjectWalk objects = walk;
        if (objects == null) {
            objects = new ObjectWalk(maxObjectHeaders, maxPointsPerHeader);
            walk = objects;
        }
        objects.run(fragment, start, function);
        // the fragment keeps an immutable copy of the walk's headers; the next walk reuses the walk
        AppProblem problem = objects.problem();
        AppFragment parsed = new AppFragment(
                control, code, function, iin, objects.headers(), problem == null ? List.of() : List.of(problem));
        objects.clear(); // keeps nothing of a fragment past it
        return new AppParsing.Parsed(parsed);
    }

    private static AppParsing parsed(
            AppControl control,
            int code,
            FunctionCode function,
            Set<Iin> iin,
            List<ObjectHeader> headers,
            AppProblem problem) {
        return new AppParsing.Parsed(new AppFragment(control, code, function, iin, headers, List.of(problem)));
    }
}
