package io.isthmus.access.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The gateway's rule for mapping a verified client certificate to a service account: the subject
 * exactly (canonical RFC 2253 form) and, where the account names one, a DNS or URI subject
 * alternative name the certificate carries, compared exactly.
 */
class CertificateMappingTest {
    private static final String MES = ServiceAccount.canonical("x", "CN=mes,O=Acme");
    private static final String PLANNER = ServiceAccount.canonical("x", "CN=planner,O=Acme");
    private final ServiceAccount mes = new ServiceAccount(
            "mes",
            Set.of("planner"),
            Optional.of("CN=mes, O=Acme"),
            Optional.of(SubjectAltName.parse("uri:spiffe://acme/mes")));
    private final ServiceAccount planner = new ServiceAccount(
            "planner",
            Set.of("planner"),
            Optional.of("cn=planner,o=acme"),
            Optional.of(SubjectAltName.parse("DNS:Planner.Acme.Example")));
    private final ServiceAccount erp = new ServiceAccount("erp", Set.of("planner"), Optional.of("CN=erp"));
    private final UserDirectory users = new UserDirectory(List.of(mes, planner, erp));

    private static ClientCertificate cert(String subject, String... sans) {
        Set<SubjectAltName> names = new java.util.HashSet<>();
        for (String s : sans) {
            names.add(SubjectAltName.parse(s));
        }
        return new ClientCertificate(subject, names);
    }

    @Test
    void anAccountThatNamesASanNeedsTheSubjectAndTheSan() {
        assertThat(users.byCertificate(cert(MES, "uri:spiffe://acme/mes", "dns:mes.acme.example")))
                .contains(mes);
        assertThat(users.byCertificate(cert(MES))).as("subject alone").isEmpty();
        assertThat(users.byCertificate(cert(MES, "uri:spiffe://acme/other"))).isEmpty();
        assertThat(users.byCertificate(cert(MES, "uri:spiffe://acme/MES")))
                .as("a URI is compared character for character")
                .isEmpty();
        assertThat(users.byCertificate(cert(ServiceAccount.canonical("x", "CN=mes"), "uri:spiffe://acme/mes")))
                .as("the SAN alone, with another subject")
                .isEmpty();
    }

    @Test
    void aDnsSanIsComparedWithoutCaseAndWithoutWildcards() {
        assertThat(users.byCertificate(cert(PLANNER, "dns:planner.acme.example")))
                .contains(planner);
        assertThat(users.byCertificate(cert(PLANNER, "dns:PLANNER.ACME.EXAMPLE")))
                .contains(planner);
        assertThat(users.byCertificate(cert(PLANNER, "dns:planner.acme.example.evil")))
                .isEmpty();
        assertThat(users.byCertificate(cert(PLANNER, "uri:dns://planner.acme.example")))
                .isEmpty();
    }

    @Test
    void anAccountWithoutASanMapsBySubjectWhateverSansTheCertificateHas() {
        String subject = ServiceAccount.canonical("x", "CN=erp");
        assertThat(users.byCertificate(cert(subject))).contains(erp);
        assertThat(users.byCertificate(cert(subject, "dns:erp.acme.example"))).contains(erp);
        assertThat(users.bySubject(MES))
                .as("the ingest's question: is this subject a gateway account's")
                .contains(mes);
    }

    @Test
    void aSanWithoutASubjectIsAMistakeNamed() {
        assertThatThrownBy(() -> new ServiceAccount(
                        "mes", Set.of("planner"), Optional.empty(), Optional.of(SubjectAltName.parse("dns:mes"))))
                .hasMessageContaining("service account mes")
                .hasMessageContaining("subject");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mes.acme.example",
                "ip:10.0.0.1",
                "email:mes@acme.example",
                "dns:",
                "dns:*.acme.example",
                "dns:mes acme",
                "dns:mes.acme.example.",
                "dns:-mes.acme",
                "uri:",
                "uri:relative/path",
                "uri:spiffe://acme/ mes",
            })
    void malformedSansAreRefusedWithTheValue(String text) {
        assertThatThrownBy(() -> SubjectAltName.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .isNotBlank();
    }

    @Test
    void aSanIsWrittenBackAsItIsRead() {
        assertThat(SubjectAltName.parse("URI:spiffe://acme/mes").toString()).isEqualTo("uri:spiffe://acme/mes");
        assertThat(SubjectAltName.parse("dns:MES.acme.example").toString()).isEqualTo("dns:mes.acme.example");
        assertThatThrownBy(() -> SubjectAltName.parse("dns:" + "a".repeat(1100)))
                .hasMessageContaining("1..1024");
    }
}
