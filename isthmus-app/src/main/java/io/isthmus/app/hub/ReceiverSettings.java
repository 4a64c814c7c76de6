package io.isthmus.app.hub;

import io.isthmus.connect.transfer.receive.ReceiverConfig;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The hub's one-way transfer receiver ({@code receiver:} in hub.yaml).
 *
 * @param site the site id of the edge whose journal arrives on this port; its samples are stored
 *     under it and its events carry it as their edge. The frames carry no site id: a diode link
 *     connects one site, and naming it on the receiving side means nothing that arrives can claim
 *     another site's journal.
 * @param config where to listen, when to give a batch up, the memory bounds
 */
public record ReceiverSettings(String site, ReceiverConfig config) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    public ReceiverSettings {
        if (site == null || !ID.matcher(site).matches()) {
            throw new IllegalArgumentException(
                    "receiver site must be 1..128 of letters, digits, '_', '-', '.', was '" + site + "'");
        }
        Objects.requireNonNull(config, "config");
    }
}
