/*
 * akn_fixtures.h - what the reader tests (test_akn.c) and the writer
 * tests (test_akn_write.c) share: the head of an Akoma Ntoso document
 * and a small directive in AKN (a chapter, an article, a clause with
 * points), read by the reader tests and by the allocation failure test.
 * The directive is a static array so that sizeof gives its length.
 */
#ifndef DT_TEST_AKN_FIXTURES_H
#define DT_TEST_AKN_FIXTURES_H

#define AKN_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/" \
	"akn/3.0\">\n"

static const char directive[] =
	AKN_HEAD
	"  <act name=\"quy-dinh\">\n"                                  /* 3 */
	"    <meta>\n"
	"      <identification source=\"#x\">\n"
	"        <FRBRWork>\n"
	"          <FRBRdate date=\"2026-03-15\" name=\"issue\"/>\n"   /* 7 */
	"          <FRBRauthor href=\"#bbt\"/>\n"
	"          <FRBRnumber value=\"31-QĐ/TW\"/>\n"                 /* 9 */
	"          <FRBRname value=\"QUY ĐỊNH\"/>\n"
	"        </FRBRWork>\n"
	"        <FRBRExpression><FRBRlanguage language=\"vie\"/>"
	"</FRBRExpression>\n"                                          /* 12 */
	"      </identification>\n"
	"      <references source=\"#x\">\n"
	"        <TLCOrganization eId=\"bbt\" href=\"/o/bbt\" "
	"showAs=\"Ban Bí thư\"/>\n"                                    /* 15 */
	"      </references>\n"
	"    </meta>\n"
	"    <preface><p><docTitle>VỀ SINH HOẠT\n"                      /* 18 */
	"      CHI BỘ</docTitle></p></preface>\n"
	"    <preamble><citations><citation><p>Căn cứ Điều lệ Đảng;</p>"
	"</citation></citations></preamble>\n"                         /* 20 */
	"    <body>\n"
	"      <chapter eId=\"chp_1\">\n"                               /* 22 */
	"        <num>Chương I</num>\n"
	"        <heading>QUY ĐỊNH CHUNG</heading>\n"
	"        <article eId=\"art_5\">\n"                             /* 25 */
	"          <num>Điều 5.</num>\n"
	"          <heading>Nội dung <i>sinh hoạt</i></heading>\n"
	"          <paragraph eId=\"art_5__para_2\">\n"                 /* 28 */
	"            <num>2.</num>\n"
	"            <intro>\n"
	"              <p>Buổi sinh hoạt <ref href=\"#a\">thường kỳ</ref>\n"
	"                 gồm &amp; các nội dung:</p>\n"                /* 32 */
	"            </intro>\n"
	"            <point eId=\"art_5__para_2__point_a\"><num>a)</num>"
	"<content><p>Thông tin;</p></content></point>\n"                /* 34 */
	"            <point><num>đ)</num><content><p>Thu đảng phí.</p>"
	"</content></point>\n"                                         /* 35 */
	"          </paragraph>\n"
	"        </article>\n"
	"      </chapter>\n"
	"    </body>\n"
	"  </act>\n"
	"</akomaNtoso>\n";

#endif /* DT_TEST_AKN_FIXTURES_H */
