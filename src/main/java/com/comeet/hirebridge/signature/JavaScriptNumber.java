package com.comeet.hirebridge.signature;

import java.math.BigDecimal;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;

/**
 * ECMAScript's {@code Number::toString(x)} (ECMA-262, 6.1.6.1.20) for a double: the shortest decimal digits that
 * read back as the same double, laid out in plain or exponent form exactly as JavaScript writes them.
 */
final class JavaScriptNumber {

    /** With the value as 0.digits times 10 to the n, plain notation holds for n in (-6, 21]: 1e21 is n = 22. */
    private static final int MAX_PLAIN_EXPONENT = 21;
    private static final int MIN_PLAIN_EXPONENT = -6;

    private JavaScriptNumber() {
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value == 0) {
            return "0";
        }
        if (value < 0) {
            return "-" + format(-value);
        }
        if (Double.isInfinite(value)) {
            return "Infinity";
        }

        Decimal shortest = shortestDecimal(value);
        return layOut(shortest.digits(), shortest.exponent());
    }

    /** Digits without leading or trailing zeros, and n such that the value is 0.digits times ten to the n. */
    record Decimal(String digits, int exponent) {
    }

    static Decimal shortestDecimal(double value) {
        Decimal schubfach = parseJavaForm(DoubleToDecimal.toString(value));
        if (schubfach.digits().length() != 2) {
            return schubfach;
        }

        // Java's spec keeps two digits when they are closer than any single digit (4.9E-324 for Double.MIN_VALUE);
        // ECMAScript wants the fewest digits first, so a single digit that reads back as the value wins.
        int first = schubfach.digits().charAt(0) - '0';
        Decimal below = new Decimal(Integer.toString(first), schubfach.exponent());
        Decimal above = first == 9 ? new Decimal("1", schubfach.exponent() + 1)
                : new Decimal(Integer.toString(first + 1), schubfach.exponent());
        boolean belowReadsBack = readsBackAs(below, value);
        boolean aboveReadsBack = readsBackAs(above, value);
        if (belowReadsBack && aboveReadsBack) {
            return closer(below, above, value, first);
        }
        if (belowReadsBack) {
            return below;
        }
        return aboveReadsBack ? above : schubfach;
    }

    /**
     * Reads what {@link DoubleToDecimal#toString(double)} writes for a positive finite double: {@code 123.45},
     * {@code 0.001} or {@code 1.2345E-7}, always with a point.
     */
    static Decimal parseJavaForm(String java) {
        int e = java.indexOf('E');
        String mantissa = e < 0 ? java : java.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(java.substring(e + 1));
        int point = mantissa.indexOf('.');
        String allDigits = mantissa.substring(0, point) + mantissa.substring(point + 1);

        int start = 0;
        while (start < allDigits.length() - 1 && allDigits.charAt(start) == '0') {
            start++;
        }
        int end = allDigits.length();
        while (end > start + 1 && allDigits.charAt(end - 1) == '0') {
            end--;
        }
        return new Decimal(allDigits.substring(start, end), point + exponent - start);
    }

    private static boolean readsBackAs(Decimal candidate, double value) {
        return Double.parseDouble(candidate.digits() + "E" + (candidate.exponent() - 1)) == value;
    }

    /** ECMAScript picks the candidate closest to the value; on a tie, the even digit. */
    private static Decimal closer(Decimal below, Decimal above, double value, int firstDigit) {
        BigDecimal exact = new BigDecimal(value);
        BigDecimal toBelow = exact.subtract(new BigDecimal(below.digits() + "E" + (below.exponent() - 1))).abs();
        BigDecimal toAbove = exact.subtract(new BigDecimal(above.digits() + "E" + (above.exponent() - 1))).abs();
        int comparison = toBelow.compareTo(toAbove);
        if (comparison == 0) {
            return firstDigit % 2 == 0 ? below : above;
        }
        return comparison < 0 ? below : above;
    }

    /** The k/n/digits layout of Number::toString, for a positive value of k digits times 10 to the (n - k). */
    static String layOut(String digits, int n) {
        int k = digits.length();
        StringBuilder out = new StringBuilder(k + 8);
        if (k <= n && n <= MAX_PLAIN_EXPONENT) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= MAX_PLAIN_EXPONENT) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (MIN_PLAIN_EXPONENT < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(n - 1 >= 0 ? '+' : '-').append(Math.abs(n - 1));
        }
        return out.toString();
    }
}
