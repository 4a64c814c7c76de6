package io.isthmus.wire.s7.s7comm;

import java.util.Optional;

/**
 * The file name block transfers name their block with: {@code _}, the block type as two hex
 * digits (08 OB, 0A DB, 0B SDB, 0C FC, 0D SFC, 0E FB, 0F SFB), five decimal digits of block number
 * and the file system (A active, P passive, B both), e.g. {@code _0A00001P} for DB 1.
 *
 * @param fileName the name as sent, printable
 */
public record BlockName(String fileName, String blockType, int blockNumber, String fileSystem) {

    /** Parses {@code fileName}; empty when it does not follow the pattern. */
    public static Optional<BlockName> parse(String fileName) {
        if (fileName.length() != 9
                || fileName.charAt(0) != '_'
                || !fileName.substring(3, 8).chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        String type = switch (fileName.substring(1, 3)) {
            case "08" -> "OB";
            case "0A" -> "DB";
            case "0B" -> "SDB";
            case "0C" -> "FC";
            case "0D" -> "SFC";
            case "0E" -> "FB";
            case "0F" -> "SFB";
            default -> "type " + fileName.substring(1, 3);
        };
        return Optional.of(
                new BlockName(fileName, type, Integer.parseInt(fileName.substring(3, 8)), fileName.substring(8)));
    }
}
