package io.isthmus.sim.opcua;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.core.CefactEngineeringUnits;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;

/**
 * Turns a point's unit symbol into the EUInformation of its EngineeringUnits property (OPC UA Part
 * 8, 5.6.3): the UNECE Recommendation 20 code when the symbol is one of its display names, else
 * unitId -1 ("no code") carrying the symbol as display name.
 */
final class EngineeringUnits {

    private static final String CEFACT_URI = "http://www.opcfoundation.org/UA/units/un/cefact";
    private static final Map<String, EUInformation> BY_SYMBOL = indexBySymbol();

    private EngineeringUnits() {}

    static EUInformation forSymbol(String symbol) {
        EUInformation known = BY_SYMBOL.get(symbol);
        return known != null
                ? known
                : new EUInformation(CEFACT_URI, -1, LocalizedText.english(symbol), LocalizedText.english(symbol));
    }

    private static Map<String, EUInformation> indexBySymbol() {
        // A few symbols name two codes; the lowest unitId wins so the choice is stable.
        EUInformation[] units = CefactEngineeringUnits.getAll();
        Arrays.sort(units, Comparator.comparing(EUInformation::getUnitId));
        Map<String, EUInformation> index = new HashMap<>();
        for (EUInformation unit : units) {
            String symbol = unit.getDisplayName().getText();
            if (symbol != null) {
                index.putIfAbsent(symbol, unit);
            }
        }
        return Map.copyOf(index);
    }
}
