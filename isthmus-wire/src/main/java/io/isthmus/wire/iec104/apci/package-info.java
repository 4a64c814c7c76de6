/** IEC 60870-5-104 APCI (clause 5): start octet 0x68, length, I/S/U control field. */
package io.isthmus.wire.iec104.apci;
