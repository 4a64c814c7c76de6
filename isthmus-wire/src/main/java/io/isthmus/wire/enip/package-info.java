/**
 * EtherNet/IP (CIP Volume 2): encapsulation framing and commands, the Common Packet Format, the
 * ListIdentity identity item; CIP itself (Volume 1) is in {@code cip}: messages, EPATHs, general
 * status, Multiple Service Packet and Unconnected Send, and the access kind of each service.
 *
 * <p>Entry point: {@link io.isthmus.wire.enip.EnipDissectorFactory} (TCP and UDP 44818); every
 * bound is in {@link io.isthmus.wire.enip.EnipLimits}.
 *
 * <p>One summary per encapsulation message: its function is the encapsulation command, so counting
 * like tshark ({@code enip.command} of requests to TCP 44818) is "protocol {@code enip}, direction
 * request, group by function". The CIP messages inside are attributes ({@code cip_service},
 * {@code cip_class}, ..., one {@code cip_embedded} per embedded message) and set the access kind.
 */
package io.isthmus.wire.enip;
