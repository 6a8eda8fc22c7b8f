package io.lambdajca.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.cert.X509Certificate;

import javax.security.auth.x500.X500Principal;

import org.junit.jupiter.api.Test;

import io.lambdajca.local.testing.TestPki;

class CertificateIdentityTest {

    private static final TestPki PKI = TestPki.newCa("Identity Test CA");

    private static X509Certificate certificate(String subject, String serialHex) {
        return PKI.issue(new X500Principal(subject), new BigInteger(serialHex, 16)).certificate();
    }

    @Test
    void theSessionNameIsTheSerialInLowerCaseHexAsOpensslPrintsIt() {
        assertThat(CertificateIdentity.sessionName(certificate("CN=a",
                "2A9902119721AB7B5C19A878C4C66AF705895B42"))).isEqualTo("2a9902119721ab7b5c19a878c4c66af705895b42");
        // a first byte with its high bit set: DER adds a zero byte, which is not part of the number
        assertThat(CertificateIdentity.sessionName(certificate("CN=a", "8F01"))).isEqualTo("8f01");
        // a first byte below 0x10 keeps its leading zero: whole bytes
        assertThat(CertificateIdentity.sessionName(certificate("CN=a", "0F01"))).isEqualTo("0f01");
    }

    @Test
    void theSourceIdentityIsTheSubjectsCommonNameAlone() {
        assertThat(CertificateIdentity.sourceIdentity(certificate("CN=handson-client-01, O=Hands-On, C=JP", "1")))
                .isEqualTo("CN=handson-client-01");
        assertThat(CertificateIdentity.sourceIdentity(certificate("O=Org, CN=last", "1"))).isEqualTo("CN=last");
        assertThat(CertificateIdentity.sourceIdentity(certificate("O=No Common Name", "1"))).isNull();
    }

    @Test
    void theSubjectIdIsAUuidThatDependsOnTheSubjectOnly() {
        String first = CertificateIdentity.subjectId(certificate("CN=same, O=Org", "1"));
        assertThat(first).matches("[a-f0-9]{8}-([a-f0-9]{4}-){3}[a-f0-9]{12}");
        assertThat(CertificateIdentity.subjectId(certificate("CN=same, O=Org", "2"))).isEqualTo(first);
        assertThat(CertificateIdentity.subjectId(certificate("CN=other, O=Org", "1"))).isNotEqualTo(first);
    }
}
