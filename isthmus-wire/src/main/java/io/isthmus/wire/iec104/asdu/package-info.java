/**
 * IEC 60870-5-101 ASDU data unit identifier (clause 7.2) with IEC 60870-5-104 field sizes: type
 * identification, variable structure qualifier, cause of transmission, common address.
 */
package io.isthmus.wire.iec104.asdu;
