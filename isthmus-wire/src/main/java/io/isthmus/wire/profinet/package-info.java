/**
 * PROFINET DCP, the Discovery and basic Configuration Protocol of IEC 61158-6-10 (PROFINET IO),
 * carried directly in Ethernet frames with EtherType 0x8892. Entry points: {@link
 * io.isthmus.wire.profinet.DcpDissectorFactory} and {@link io.isthmus.wire.profinet.DcpLimits}.
 *
 * <h2>Input</h2>
 *
 * The packet decoder hands the dissector the Ethernet payload after the EtherType 0x8892, with any
 * 802.1Q/QinQ tags already removed; that payload starts with the two-octet FrameID. Frames with
 * FrameIDs other than 0xFEFC-0xFEFF (cyclic RT data, alarms) are consumed without a summary. DCP has
 * no ports, so {@code serverPort} is meaningless here.
 *
 * <h2>Summaries</h2>
 *
 * {@code function} is the ServiceID: 3 Get, 4 Set, 5 Identify, 6 Hello. {@code direction} follows
 * the ServiceType (0 request; 1 success and 5 "request not supported" are responses). The
 * transaction is the Xid. Access kinds: Identify and Hello {@code discovery}; Get {@code read}; Set
 * {@code write} for IP, names, DHCP and other parameters, {@code control} when it resets to factory
 * settings, {@code diagnostic} when it only makes the device signal (flash its LED); a Set response
 * takes the kind of the blocks it acknowledges.
 *
 * <p>Attributes: {@code station_name}, {@code alias_name}, {@code type_of_station}, {@code
 * vendor_id} and {@code device_id} (hex, e.g. {@code 0x002a}), {@code oem_vendor_id}, {@code
 * oem_device_id}, {@code device_role}, {@code device_instance}, {@code device_options}, {@code ip},
 * {@code netmask}, {@code gateway}, {@code ip_block_info}, {@code mac}, {@code dhcp_option}, {@code
 * qualifier} (Set: temporary or permanent), {@code control}, {@code signal_value}, {@code
 * acknowledged} (Set/Get response blocks), {@code requested} (Get request), {@code
 * identify_filter}, {@code identify_filter_station_name}, {@code response_delay}. A failed block in
 * a response is the status.
 */
package io.isthmus.wire.profinet;
