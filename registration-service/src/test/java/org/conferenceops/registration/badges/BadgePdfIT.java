package org.conferenceops.registration.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.conferenceops.infra.issuer.TokenRequest;
import org.conferenceops.registration.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The delegate downloads their badge as a PDF next to the PNG; someone else's badge is not found. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = Api.LOCAL_DEFAULTS)
class BadgePdfIT {

    @LocalServerPort
    int port;

    @Test
    void theBadgePdfHasOnePageWithTheDelegatesNames() throws Exception {
        Api api = new Api(port);
        String conference = api.newConference(null);
        String delegation = api.newDelegation(conference, "UKR");
        String delegate = api.newDelegate(conference, delegation,
                "\"nativeGivenName\":\"Олена\",\"nativeFamilyName\":\"Шевченко\"");
        api.post("/api/delegates/" + delegate + "/accreditation", TokenRequest.organizer(), "{}");
        api.post("/api/delegates/" + delegate + "/badge", TokenRequest.organizer(), "{}");

        HttpResponse<byte[]> pdf = api.getBytes("/api/delegates/" + delegate + "/badge.pdf",
                TokenRequest.delegate(delegation, delegate));
        HttpResponse<byte[]> someoneElse = api.getBytes("/api/delegates/" + delegate + "/badge.pdf",
                TokenRequest.delegate(delegation, "dlg-someone-else"));

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(document)).contains("Ana Silva").contains("Шевченко Олена");
        }
        assertThat(someoneElse.statusCode()).isEqualTo(404);
    }

    @Test
    void aChineseNameIsOnThePngAndIsSearchableTextInThePdfWithNothingInstalledOnTheHost() throws Exception {
        Badge badge = badgeOf("CHN", "伟", "张", "chinese-name");

        assertThat(ImageIO.read(new ByteArrayInputStream(badge.png())).getWidth()).isEqualTo(BadgeRenderer.WIDTH);
        try (PDDocument document = Loader.loadPDF(badge.pdf())) {
            assertThat(new PDFTextStripper().getText(document)).contains("张伟");
            assertThat(fontsOf(document)).anyMatch(font -> font.endsWith("+NotoSansSC-Regular"));
        }
    }

    @Test
    void aKoreanNameIsOnThePngAndIsSearchableTextInThePdfWithNothingInstalledOnTheHost() throws Exception {
        Badge badge = badgeOf("KOR", "민준", "김", "korean-name");

        try (PDDocument document = Loader.loadPDF(badge.pdf())) {
            assertThat(new PDFTextStripper().getText(document)).contains("김민준");
            assertThat(fontsOf(document)).anyMatch(font -> font.endsWith("+NotoSansKR-Regular"));
            assertThat(document.getPage(0).getResources().getXObjectNames()).as("no line is an image").isEmpty();
        }
    }

    private record Badge(byte[] png, byte[] pdf) {
    }

    /** A delegate of a new delegation of the country, accredited and badged; both files kept under target/badges. */
    private Badge badgeOf(String country, String nativeGivenName, String nativeFamilyName, String fileStem)
            throws Exception {
        Api api = new Api(port);
        String conference = api.newConference(null);
        String delegation = api.newDelegation(conference, country);
        String delegate = api.newDelegate(conference, delegation,
                "\"nativeGivenName\":\"" + nativeGivenName + "\",\"nativeFamilyName\":\"" + nativeFamilyName + "\"");
        api.post("/api/delegates/" + delegate + "/accreditation", TokenRequest.organizer(), "{}");
        api.post("/api/delegates/" + delegate + "/badge", TokenRequest.organizer(), "{}");
        HttpResponse<byte[]> png = api.getBytes("/api/delegates/" + delegate + "/badge.png",
                TokenRequest.delegate(delegation, delegate));
        HttpResponse<byte[]> pdf = api.getBytes("/api/delegates/" + delegate + "/badge.pdf",
                TokenRequest.delegate(delegation, delegate));
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(pdf.statusCode()).isEqualTo(200);
        Files.createDirectories(Path.of("target/badges"));
        Files.write(Path.of("target/badges/" + fileStem + ".png"), png.body());
        Files.write(Path.of("target/badges/" + fileStem + ".pdf"), pdf.body());
        return new Badge(png.body(), pdf.body());
    }

    private static List<String> fontsOf(PDDocument document) throws Exception {
        List<String> fonts = new ArrayList<>();
        for (COSName name : document.getPage(0).getResources().getFontNames()) {
            fonts.add(document.getPage(0).getResources().getFont(name).getName());
        }
        return fonts;
    }
}
