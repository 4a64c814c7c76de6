/**
 * BACnet/IP (ASHRAE 135-2020): the BACnet Virtual Link Layer of Annex J (package {@code bvlc}),
 * the network layer of clause 6 (package {@code npdu}), the application layer of clause 20 and the
 * services of clauses 13-17 and 21 (package {@code apdu}), and the tag encoding of clause 20.2
 * (package {@code encoding}). Entry points: {@link io.isthmus.wire.bacnet.BacnetDissectorFactory}
 * and {@link io.isthmus.wire.bacnet.BacnetLimits}. BACnet over Ethernet/802.2 LLC, MS/TP and
 * BACnet/IPv6 (Annex U, BVLC type 0x82) are not decoded.
 *
 * <h2>Function codes</h2>
 *
 * Confirmed and unconfirmed service numbers overlap (12 is readProperty and also You-Are), so
 * {@code MessageSummary.function} combines the APDU type (clause 20.1.1) with the service choice:
 *
 * <table>
 *   <caption>BACnet function codes</caption>
 *   <tr><th>message</th><th>function</th><th>example</th></tr>
 *   <tr><td>Confirmed-Request</td><td>{@code 0x000 | service}</td><td>12 readProperty, 15 writeProperty, 20 reinitializeDevice</td></tr>
 *   <tr><td>Unconfirmed-Request</td><td>{@code 0x100 | service}</td><td>256 i-Am, 264 who-Is, 262 timeSynchronization</td></tr>
 *   <tr><td>SimpleACK</td><td>{@code 0x200 | service}</td><td>527 writeProperty SimpleACK</td></tr>
 *   <tr><td>ComplexACK</td><td>{@code 0x300 | service}</td><td>780 readProperty ComplexACK</td></tr>
 *   <tr><td>SegmentACK</td><td>{@code 0x400}</td><td>1024</td></tr>
 *   <tr><td>Error</td><td>{@code 0x500 | service}</td><td>1300 reinitializeDevice Error</td></tr>
 *   <tr><td>Reject</td><td>{@code 0x600}</td><td>1536 (status: the reject reason)</td></tr>
 *   <tr><td>Abort</td><td>{@code 0x700}</td><td>1792 (status: the abort reason)</td></tr>
 *   <tr><td>network layer message</td><td>{@code 0x1000 | message type}</td><td>4096 Who-Is-Router-To-Network</td></tr>
 *   <tr><td>BVLL message without NPDU</td><td>{@code 0x2000 | BVLC function}</td><td>8192 BVLC-Result, 8197 Register-Foreign-Device</td></tr>
 * </table>
 *
 * <p>The transaction is the invoke ID. Answers (SimpleACK, ComplexACK, Error) carry the access kind
 * of the service they answer; I-Am and I-Have are reported as responses (to Who-Is and Who-Has).
 * Every segment of a segmented message is one summary (tshark counts them the same way); service
 * parameters are read from the first segment only.
 *
 * <h2>Attributes</h2>
 *
 * {@code originating_address} (Forwarded-NPDU), {@code dnet}, {@code dadr}, {@code snet}, {@code
 * sadr}, {@code hop_count}, {@code network_priority}, {@code vendor_id}, {@code device_instance},
 * {@code max_apdu}, {@code segmentation} (I-Am), {@code object_type}, {@code object_instance},
 * {@code property}, {@code array_index}, {@code priority}, {@code object_name}, {@code low_limit}
 * and {@code high_limit} (Who-Is, Who-Has), {@code reinitialize_state}, {@code enable_disable},
 * {@code duration_minutes}, {@code password_present}, {@code sequence_number}, {@code
 * more_follows}, {@code time_to_live}. The address is the first object instance touched (or the
 * Who-Is low limit), the quantity the number of objects (or instances asked for).
 */
package io.isthmus.wire.bacnet;
