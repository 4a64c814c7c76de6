package io.isthmus.wire.enip.cip;

import io.isthmus.model.AccessKind;
import io.isthmus.wire.HexText;
import java.util.OptionalLong;

/**
 * Names and access kinds of CIP services, including the object-specific ones (0x32 and up) whose
 * meaning depends on the class addressed: Connection Manager (connections, Unconnected Send),
 * the Logix tag services on the Symbol and Template classes and on symbolic paths (read, write),
 * the File object (Volume 1 section 5-42: upload and download of files, which is how programs and
 * EDS files move) and the Non-Volatile Storage object (0xA1, firmware update), both
 * {@link AccessKind#PROGRAM}. Replies carry no path, so their object-specific services are named
 * by code only and classified {@link AccessKind#DIAGNOSTIC}.
 */
public final class CipObjectServices {

    /**
     * {@code Service_0x..} and {@code NVS_Service_0x..} by service code, built once: replies name
     * their object-specific service by code, and building the text per reply was most of the
     * observations writer's allocation.
     */
    private static final String[] BY_CODE = new String[256];

    private static final String[] NVS_BY_CODE = new String[256];

    static {
        for (int code = 0; code < BY_CODE.length; code++) {
            BY_CODE[code] = "Service_" + HexText.of(code, 2);
            NVS_BY_CODE[code] = "NVS_Service_" + HexText.of(code, 2);
        }
    }

    private CipObjectServices() {}

    /** The service's name for a request to {@code classId} (empty for a reply or a symbolic path). */
    public static String name(int service, OptionalLong classId, boolean symbolic) {
        CipService common = CipService.of(service);
        if (common != CipService.OTHER) {
            return common.displayName();
        }
        CipClass c =
                symbolic ? CipClass.SYMBOL : classId.isPresent() ? CipClass.of(classId.getAsLong()) : CipClass.OTHER;
        String specific = switch (c) {
            case CONNECTION_MANAGER -> connectionManager(service);
            case SYMBOL, TEMPLATE -> tag(service);
            case FILE -> file(service);
            case PCCC -> service == 0x4B ? "Execute_PCCC" : null;
            case NON_VOLATILE_STORAGE -> NVS_BY_CODE[service & 0xFF];
            case IDENTITY,
                    MESSAGE_ROUTER,
                    ASSEMBLY,
                    PARAMETER,
                    TIME_SYNC,
                    PORT,
                    TCP_IP_INTERFACE,
                    ETHERNET_LINK,
                    OTHER -> null;
        };
        return specific != null ? specific : BY_CODE[service & 0xFF];
    }

    public static AccessKind access(int service, OptionalLong classId, boolean symbolic) {
        CipService common = CipService.of(service);
        if (common != CipService.OTHER) {
            return common.access();
        }
        CipClass c =
                symbolic ? CipClass.SYMBOL : classId.isPresent() ? CipClass.of(classId.getAsLong()) : CipClass.OTHER;
        return switch (c) {
            case SYMBOL, TEMPLATE -> tagAccess(service);
            case FILE, NON_VOLATILE_STORAGE -> AccessKind.PROGRAM;
            case CONNECTION_MANAGER,
                    PCCC,
                    IDENTITY,
                    MESSAGE_ROUTER,
                    ASSEMBLY,
                    PARAMETER,
                    TIME_SYNC,
                    PORT,
                    TCP_IP_INTERFACE,
                    ETHERNET_LINK,
                    OTHER -> AccessKind.DIAGNOSTIC;
        };
    }

    private static String connectionManager(int service) {
        return switch (service) {
            case 0x4E -> "Forward_Close";
            case 0x52 -> "Unconnected_Send";
            case 0x54 -> "Forward_Open";
            case 0x56 -> "Get_Connection_Data";
            case 0x57 -> "Search_Connection_Data";
            case 0x5A -> "Get_Connection_Owner";
            case 0x5B -> "Large_Forward_Open";
            default -> null;
        };
    }

    private static String tag(int service) {
        return switch (service) {
            case 0x4C -> "Read_Tag";
            case 0x4D -> "Write_Tag";
            case 0x4E -> "Read_Modify_Write_Tag";
            case 0x52 -> "Read_Tag_Fragmented";
            case 0x53 -> "Write_Tag_Fragmented";
            case 0x55 -> "Get_Instance_Attribute_List";
            default -> null;
        };
    }

    private static AccessKind tagAccess(int service) {
        return switch (service) {
            case 0x4C, 0x52, 0x55 -> AccessKind.READ;
            case 0x4D, 0x4E, 0x53 -> AccessKind.WRITE;
            default -> AccessKind.DIAGNOSTIC;
        };
    }

    private static String file(int service) {
        return switch (service) {
            case 0x4B -> "Initiate_Upload";
            case 0x4C -> "Initiate_Download";
            case 0x4D -> "Initiate_Partial_Read";
            case 0x4E -> "Initiate_Partial_Write";
            case 0x4F -> "Upload_Transfer";
            case 0x50 -> "Download_Transfer";
            case 0x51 -> "Clear_File";
            default -> null;
        };
    }
}
