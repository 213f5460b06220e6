package com.comeet.hirebridge.mapping;

/**
 * A mapping file that cannot be used; the message names the file and the line.
 */
public class MappingException extends RuntimeException {

    public MappingException(String file, int line, String problem) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + problem);
    }
}
