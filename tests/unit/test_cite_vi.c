/*
 * test_cite_vi.c - the citation tables for Vietnamese local documents:
 * single units and containers, lists, ranges and attachment, document
 * mentions, decimal-numbered and Charter-keyed targets, and negatives.
 * Fixtures, case builders and the runner are in cite_fixtures.h.
 */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>

#include <dirtrace.h>

#include "cite_fixtures.h"

/* ## Vietnamese: single units, containers, broken units, reverse order */

ParameterizedTestParameters(cite_vi_units, resolves_each_unit_level)
{
	static cite_case cases[] = {
		VI(VI_BASIS "Các cấp ủy thực hiện Điều 5 trong năm.", "", RES,
			"reg31", "art_5"),
		VI(VI_BASIS "Các cấp ủy thực hiện khoản 2 Điều 5.", "", RES,
			"reg31", "art_5__para_2"),
		VI(VI_BASIS "Các cấp ủy thực hiện điểm a khoản 2 Điều 5.", "",
			RES, "reg31", "art_5__para_2__point_a"),
		VI(VI_BASIS "Chi bộ rà soát theo tiết 2 điểm a khoản 2 Điều 5.",
			"", RES, "reg31", "art_5__para_2__point_a__item_2"),
		VI(VI_BASIS "Khoản 3 Điều 6 được áp dụng khi kết luận kiểm "
			"tra.", "", RES, "reg31", "art_6__para_3"),
		VI(VI_BASIS "Điểm đ khoản 1 Điều 7 được giám sát thường xuyên.",
			"", RES, "reg31", "art_7__para_1__point_đ"),
		VI(VI_BASIS "Giám sát nguyên tắc tổ chức theo điểm g khoản 1 "
			"Điều 7.", "", RES, "reg31", "art_7__para_1__point_g"),
		VI(VI_BASIS "Các cấp ủy giám sát tại điểm d, khoản 1 Điều 7.",
			"", RES, "reg31", "art_7__para_1__point_d"),
		VI(VI_BASIS "Xử lý vi phạm theo điểm b, khoản 3, Điều 10.", "",
			RES, "reg31", "art_10__para_3__point_b"),
		VI(VI_BASIS "Hiệu lực được xác định theo quy định tại Điều 12.",
			"", RES, "reg31", "art_12"),
		VI(VI_BASIS "Đối tượng áp dụng nêu tại Điều 2 gồm tổ chức và "
			"đảng viên.", "", RES, "reg31", "art_2"),
		VI(VI_BASIS "Các cấp ủy bảo đảm nguyên tắc theo quy định tại "
			"khoản 4 Điều 4.", "", RES, "reg31", "art_4__para_4"),
		VI(VI_BASIS "Ban Thường vụ báo cáo căn cứ khoản 5 Điều 8.", "",
			RES, "reg31", "art_8__para_5"),
		VI(VI_BASIS "Báo cáo đột xuất nêu tại điểm c khoản 4 Điều 10.",
			"", RES, "reg31", "art_10__para_4__point_c"),
		VI(VI_BASIS "Kiểm tra tổ chức đảng theo khoản 1 Điều 10 và báo "
			"cáo.", "", RES, "reg31", "art_10__para_1"),
		VI(VI_BASIS "Giám sát cán bộ theo điều 9.", "", RES, "reg31",
			"art_9"),
		VI(VI_BASIS "Ban Thường vụ chỉ đạo theo KHOẢN 3 ĐIỀU 8.", "",
			RES, "reg31", "art_8__para_3"),
		VI(VI_BASIS "Nội dung kiểm tra được quy định tại Chương II.",
			"", RES, "reg31", "chp_2"),
		VI(VI_BASIS "Trách nhiệm của cấp cơ sở được quy định tại Mục 3 "
			"Chương II.", "", RES, "reg31", "chp_2__sec_3"),
		VI(VI_BASIS "Cấp Trung ương thực hiện theo Mục 1 Chương II.",
			"", RES, "reg31", "chp_2__sec_1"),
		VI(VI_BASIS "Việc tổ chức thực hiện theo Chương III.", "", RES,
			"reg31", "chp_3"),
		/* units the loaded directive lacks */
		VI(VI_BASIS "Đoàn kiểm tra có quyền theo khoản 9 Điều 6.", "",
			BRK, "reg31", ""),
		VI(VI_BASIS "Các cấp ủy thực hiện Điều 25.", "", BRK, "reg31",
			""),
		VI(VI_BASIS "Xử lý vi phạm theo điểm h khoản 3 Điều 10.", "",
			BRK, "reg31", ""),
		VI(VI_BASIS "Nội dung được quy định tại Chương V.", "", BRK,
			"reg31", ""),
		VI(VI_BASIS "Báo cáo theo khoản 4 Điều 6.", "", BRK, "reg31",
			""),
		/* the document named in the citation, no basis */
		VI("Theo Quy định số 31-QĐ/TW, Điều 6, khoản 2, đoàn kiểm tra "
			"làm việc với tổ chức đảng.", "Điều 6", RES, "reg31",
			"art_6__para_2"),
		VI("Quy định số 31-QĐ/TW, Điều 7, khoản 1, điểm b yêu cầu giám "
			"sát.", "Điều 7", RES, "reg31",
			"art_7__para_1__point_b"),
		VI("Các chi bộ thực hiện Điều 10, khoản 3, điểm a Quy định số "
			"31-QĐ/TW.", "Điều 10", RES, "reg31",
			"art_10__para_3__point_a"),
		VI("Các chi bộ thực hiện Điều 5 của Quy định số 31-QĐ/TW.", "",
			RES, "reg31", "art_5"),
		VI("Các chi bộ thực hiện điểm a khoản 2 Điều 5 Quy định "
			"31-QĐ/TW.", "", RES, "reg31",
			"art_5__para_2__point_a"),
		VI("Các chi bộ thực hiện khoản 2 Điều 6 Quy định số 31-QĐ/TW "
			"ngày 15/3/2026 của Ban Chấp hành Trung ương.", "", RES,
			"reg31", "art_6__para_2"),
		VI("Các chi bộ thực hiện khoản 9 Điều 6 Quy định số 31-QĐ/TW.",
			"", BRK, "reg31", ""),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_vi_units, resolves_each_unit_level,
	.fini = teardown)
{
	run_case(k);
}

/* ## Vietnamese: lists, ranges and attachment (DOMAIN §4.2, §4.3) */

ParameterizedTestParameters(cite_vi_lists_ranges, expands_in_order)
{
	static cite_case cases[] = {
		VI(VI_BASIS "Các cấp ủy thực hiện khoản 1, khoản 2 Điều 7.", "",
			RES, "reg31", "art_7__para_1 art_7__para_2"),
		VI(VI_BASIS "Bộ Chính trị thực hiện các khoản 1, 2 và 3 Điều "
			"8.", "", RES, "reg31", "art_8__para_1 art_8__para_2 "
			"art_8__para_3"),
		VI(VI_BASIS "Giám sát điểm a, b và c khoản 1 Điều 7.", "", RES,
			"reg31", "art_7__para_1__point_a "
			"art_7__para_1__point_b art_7__para_1__point_c"),
		VI(VI_BASIS "Giám sát điểm a, điểm b khoản 1 Điều 7.", "", RES,
			"reg31", "art_7__para_1__point_a "
			"art_7__para_1__point_b"),
		VI(VI_BASIS "Các cấp ủy thực hiện Điều 5, 6, 7.", "", RES,
			"reg31", "art_5 art_6 art_7"),
		VI(VI_BASIS "Các cấp ủy thực hiện Điều 5 và Điều 8.", "", RES,
			"reg31", "art_5 art_8"),
		VI(VI_BASIS "Các cấp ủy thực hiện Điều 5 hoặc Điều 6.", "", RES,
			"reg31", "art_5 art_6"),
		VI(VI_BASIS "Các cấp thực hiện từ Điều 9 đến Điều 11.", "", RES,
			"reg31", "art_9 art_10 art_11"),
		VI(VI_BASIS "Bảo đảm khoản 1 đến khoản 3 Điều 4.", "", RES,
			"reg31", "art_4__para_1 art_4__para_2 art_4__para_3"),
		VI(VI_BASIS "Bảo đảm từ khoản 1 đến khoản 4 Điều 4.", "", RES,
			"reg31", "art_4__para_1 art_4__para_2 art_4__para_3 "
			"art_4__para_4"),
		VI(VI_BASIS "Các cấp ủy thực hiện Điều 5 \u2013 Điều 7.", "",
			RES, "reg31", "art_5 art_6 art_7"),
		VI(VI_BASIS "Quy định chung (Điều 1 - Điều 3) được quán triệt.",
			"", RES, "reg31", "art_1 art_2 art_3"),
		VI(VI_BASIS "Quy định chung tại Điều 1\u20133 được quán triệt.",
			"", RES, "reg31", "art_1 art_2 art_3"),
		VI(VI_BASIS "Các cấp thực hiện (Điều 9, 10, 11, 12).", "", RES,
			"reg31", "art_9 art_10 art_11 art_12"),
		VI(VI_BASIS "Các cấp thực hiện từ Điều 6 đến Điều 8 và từ Điều "
			"10 đến Điều 12.", "", RES, "reg31", "art_6 art_7 "
			"art_8 art_10 art_11 art_12"),
		VI(VI_BASIS "Các cấp thực hiện từ Điều 2 đến Điều 4, Điều 6, "
			"từ Điều 8 đến Điều 9.", "", RES, "reg31",
			"art_2 art_3 art_4 art_6 art_8 art_9"),
		VI(VI_BASIS "Các cấp ủy thực hiện Chương II và Chương III.", "",
			RES, "reg31", "chp_2 chp_3"),
		VI(VI_BASIS "Tỉnh ủy thực hiện khoản 1 và khoản 2 Điều 9.", "",
			RES, "reg31", "art_9__para_1 art_9__para_2"),
		VI(VI_BASIS "Bộ Chính trị thực hiện khoản 2, khoản 3 và khoản "
			"4 Điều 8.", "", RES, "reg31", "art_8__para_2 "
			"art_8__para_3 art_8__para_4"),
		VI(VI_BASIS "Bộ Chính trị thực hiện khoản 1, khoản 5 Điều 8.",
			"", RES, "reg31", "art_8__para_1 art_8__para_5"),
		VI(VI_BASIS "Khoản 1, 2 Điều 2 xác định đối tượng.", "", RES,
			"reg31", "art_2__para_1 art_2__para_2"),
		VI(VI_BASIS "Từ ngữ được giải thích tại các khoản 1, 2, 3 Điều "
			"3.", "", RES, "reg31", "art_3__para_1 art_3__para_2 "
			"art_3__para_3"),
		/* the khoản list attaches to the next Điều on its right */
		VI(VI_BASIS "Các cấp thực hiện Điều 3, khoản 1, khoản 5 Điều 8 "
			"và báo cáo.", "", RES, "reg31", "art_3 art_8__para_1 "
			"art_8__para_5"),
		VI(VI_BASIS "Xử lý theo điểm a khoản 3, điểm a, b khoản 4 Điều "
			"10.", "", RES, "reg31", "art_10__para_3__point_a "
			"art_10__para_4__point_a art_10__para_4__point_b"),
		VI(VI_BASIS "Thực thi khoản 3 Điều 4, khoản 2, điểm b khoản 3 "
			"Điều 10.", "", RES, "reg31", "art_4__para_3 "
			"art_10__para_2 art_10__para_3__point_b"),
		VI(VI_BASIS "Báo cáo theo điểm a, b khoản 4 Điều 10.", "", RES,
			"reg31", "art_10__para_4__point_a "
			"art_10__para_4__point_b"),
		VI(VI_BASIS "Báo cáo theo các điểm a, b và c khoản 4 Điều 10.",
			"", RES, "reg31", "art_10__para_4__point_a "
			"art_10__para_4__point_b art_10__para_4__point_c"),
		/* points: đ is a member, ranges follow a b c d đ e g h */
		VI(VI_BASIS "Giám sát từ điểm a đến điểm đ khoản 1 Điều 7.", "",
			RES, "reg31", "art_7__para_1__point_a "
			"art_7__para_1__point_b art_7__para_1__point_c "
			"art_7__para_1__point_d art_7__para_1__point_đ"),
		VI(VI_BASIS "Giám sát từ điểm c đến điểm g khoản 1 Điều 7.", "",
			RES, "reg31", "art_7__para_1__point_c "
			"art_7__para_1__point_d art_7__para_1__point_đ "
			"art_7__para_1__point_e art_7__para_1__point_g"),
		VI(VI_BASIS "Giám sát các điểm b, c, d, đ và g khoản 1 Điều 7.",
			"", RES, "reg31", "art_7__para_1__point_b "
			"art_7__para_1__point_c art_7__para_1__point_d "
			"art_7__para_1__point_đ art_7__para_1__point_g"),
		VI(VI_BASIS "Giám sát điểm b và điểm đ khoản 1 Điều 7.", "",
			RES, "reg31", "art_7__para_1__point_b "
			"art_7__para_1__point_đ"),
		/* ';' separates groups */
		VI(VI_BASIS "Thực thi các khoản 2, 3 và 5 Điều 8; các khoản 1 "
			"và 2 Điều 9.", "", RES, "reg31", "art_8__para_2 "
			"art_8__para_3 art_8__para_5 art_9__para_1 "
			"art_9__para_2"),
		VI("Các chi bộ thực hiện các khoản 1, 2 và 3 Điều 8 Quy định "
			"số 31-QĐ/TW.", "", RES, "reg31", "art_8__para_1 "
			"art_8__para_2 art_8__para_3"),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_vi_lists_ranges, expands_in_order,
	.fini = teardown)
{
	run_case(k);
}

/* ## Vietnamese: document mentions, folding, stale and external ones */

ParameterizedTestParameters(cite_vi_documents, identifies_the_document)
{
	static cite_case cases[] = {
		VI("Các cấp ủy quán triệt Quy định số 31-QĐ/TW ngày 15/3/2026 "
			"của Ban Chấp hành Trung ương.", "", DOC, "reg31", ""),
		VI("Các cấp ủy quán triệt Quy định 31-QĐ/TW.", "", DOC, "reg31",
			""),
		VI("Các cấp ủy quán triệt Quy định số 31 trong toàn Đảng bộ.",
			"", DOC, "reg31", ""),
		VI("Các chi bộ học tập QĐ 31 của Trung ương.", "", DOC, "reg31",
			""),
		VI("Các chi bộ quán triệt Quy định 31-QD/TW.", "", DOC, "reg31",
			""),
		VI("Các chi bộ quán triệt Quy định số 31-qđ/tw.", "", DOC,
			"reg31", ""),
		VI("Các chi bộ quán triệt Quy định số 31 - QĐ/TW.", "", DOC,
			"reg31", ""),
		VI("Các chi bộ quán triệt Quy định 31-QĐ/TW năm 2026.", "", DOC,
			"reg31", ""),
		VI("Các cấp ủy thực hiện Quy định số 31-QĐ/TW, ngày 15/3/2026 "
			"của Ban Chấp hành Trung ương về công tác kiểm tra, "
			"giám sát.", "", DOC, "reg31", ""),
		VI("Các chi bộ quán triệt Quy định số 24-QĐ/TW ngày 30/7/2021 "
			"của Ban Chấp hành Trung ương.", "", DOC, "reg24", ""),
		VI("Các chi bộ quán triệt Quy định số 24.", "", DOC, "reg24",
			""),
		VI("Các chi bộ học tập QĐ 24.", "", DOC, "reg24", ""),
		VI("Các chi bộ quán triệt Quy định 24-QD/TW.", "", DOC, "reg24",
			""),
		VI("Ban Tuyên giáo tuyên truyền Chỉ thị số 07-CT/TW ngày "
			"02/02/2026 của Ban Bí thư.", "", DOC, "ct07", ""),
		VI("Ban Tổ chức hướng dẫn theo Hướng dẫn 06-HD/TW.", "", DOC,
			"hd06", ""),
		VI("Các cơ quan thực hiện Luật số 8/2026/QH15.", "", DOC,
			"act8", ""),
		/* replaced by a loaded directive */
		VI("Các chi bộ không còn áp dụng Quy định số 18-QĐ/TW ngày "
			"10/5/2022 của Ban Chấp hành Trung ương.", "", STL,
			"reg31", ""),
		VI("Đoàn kiểm tra không áp dụng khoản 2 Điều 3 Quy định số "
			"18-QĐ/TW.", "", STL, "reg31", ""),
		VI("Các chi bộ không áp dụng Quy định 18-QD/TW.", "", STL,
			"reg31", ""),
		/* neither loaded nor replaced */
		VI("Các cấp ủy quán triệt Nghị quyết số 21-NQ/TW ngày "
			"16/6/2022 của Ban Chấp hành Trung ương.", "", EXT, "",
			""),
		VI("Các cấp ủy thực hiện Kết luận số 21-KL/TW.", "", EXT, "",
			""),
		VI("Chính quyền thực hiện Nghị định 30/2020/NĐ-CP.", "", EXT,
			"", ""),
		VI("Văn bản trình bày theo Điều 4 của Nghị định số "
			"30/2020/NĐ-CP.", "", EXT, "", ""),
		VI("Cán bộ được đánh giá theo Điều 5 của Luật Cán bộ, công "
			"chức.", "", EXT, "", ""),
		VI("Đảng viên có nhiệm vụ theo Điều 5 Điều lệ Đảng.", "Điều 5",
			EXT, "", ""),
		VI("Người vào Đảng được giới thiệu theo khoản 2 Điều 4 Điều lệ "
			"Đảng.", "Điều 4", EXT, "", ""),
		VI("Các cấp ủy tiếp tục thực hiện Chỉ thị số 35-CT/TW.", "",
			EXT, "", ""),
		VI("Cơ quan thực hiện Điều 3 Luật số 33/2005/QH11.", "", EXT,
			"", ""),
		VI("Các cấp ủy thực hiện Hướng dẫn số 02-HD/TW.", "", EXT, "",
			""),
		/* a name in the citation beats the basis */
		VI(VI_BASIS "Chính quyền thực hiện khoản 1 Điều 4 Nghị định "
			"30/2020/NĐ-CP.", "Điều 4", EXT, "", ""),
		CASE("vi", "vi", "Các chi bộ quán triệt Quy định số 24-QĐ/TW.",
			"", EXT, "", ""),
		CASE("vi", "vi", "Các chi bộ thực hiện Điều 5 Quy định số "
			"24-QĐ/TW.", "Điều 5", EXT, "", ""),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_vi_documents, identifies_the_document,
	.fini = teardown)
{
	run_case(k);
}

/* ## Vietnamese: decimal-numbered and Charter-keyed targets (§4.7) */

ParameterizedTestParameters(cite_vi_decimal, walks_the_number_path)
{
	static cite_case cases[] = {
		VI("Đảng ủy thực hiện mục 1.1 Hướng dẫn 06-HD/TW.", "", RES,
			"hd06", "lvl_1__lvl_1-1"),
		VI("Tuổi vào Đảng theo khoản 1.1.1 Hướng dẫn 06-HD/TW.", "",
			RES, "hd06", "lvl_1__lvl_1-1__lvl_1-1-1"),
		VI("Trình độ theo điểm 1.2.1 Hướng dẫn số 06-HD/TW.", "", RES,
			"hd06", "lvl_1__lvl_1-2__lvl_1-2-1"),
		VI("Tuổi đời tính theo tiết 1.1.2 Hướng dẫn 06-HD/TW.", "", RES,
			"hd06", "lvl_1__lvl_1-1__lvl_1-1-2"),
		VI("Trường hợp đặc biệt theo tiết 1.2.2 Hướng dẫn 06-HD/TW.",
			"", RES, "hd06", "lvl_1__lvl_1-2__lvl_1-2-2"),
		VI("Thẻ đảng viên cấp theo mục 2.1 Hướng dẫn 06-HD/TW.", "",
			RES, "hd06", "lvl_2__lvl_2-1"),
		VI("Đối tượng kiểm tra theo tiểu mục 8.1 Mục 8 Hướng dẫn "
			"06-HD/TW.", "", RES, "hd06", "lvl_8__lvl_8-1"),
		VI("Cấp ủy viên thuộc Điểm c tiểu mục 8.1 Mục 8 Hướng dẫn "
			"06-HD/TW năm 2026.", "", RES, "hd06",
			"lvl_8__lvl_8-1__point_c"),
		VI("Người đứng đầu thuộc điểm đ tiểu mục 8.1 Mục 8 Hướng dẫn "
			"06-HD/TW.", "", RES, "hd06",
			"lvl_8__lvl_8-1__point_đ"),
		VI("Công tác kiểm tra thực hiện theo Mục 8 Hướng dẫn 06-HD/TW.",
			"", RES, "hd06", "lvl_8"),
		VI("Quản lý thẻ theo tiểu mục 2.2 Mục 2 Hướng dẫn 06-HD/TW.",
			"", RES, "hd06", "lvl_2__lvl_2-2"),
		VI("Đối tượng gồm từ điểm a đến điểm h tiểu mục 8.1 Mục 8 "
			"Hướng dẫn 06-HD/TW.", "", RES, "hd06",
			"lvl_8__lvl_8-1__point_a lvl_8__lvl_8-1__point_b "
			"lvl_8__lvl_8-1__point_c lvl_8__lvl_8-1__point_d "
			"lvl_8__lvl_8-1__point_đ lvl_8__lvl_8-1__point_e "
			"lvl_8__lvl_8-1__point_g lvl_8__lvl_8-1__point_h"),
		VI("Báo chí thực hiện mục 2.1 Chỉ thị 07-CT/TW.", "", RES,
			"ct07", "lvl_2__lvl_2-1"),
		VI("Đa dạng hình thức theo điểm b mục 2.1 Chỉ thị số 07-CT/TW.",
			"", RES, "ct07", "lvl_2__lvl_2-1__point_b"),
		VI("Kiểm tra theo tiểu mục 8.5 Mục 8 Hướng dẫn 06-HD/TW.", "",
			BRK, "hd06", ""),
		VI("Đảng ủy làm theo Mục 20 Hướng dẫn 06-HD/TW.", "", BRK,
			"hd06", ""),
		VI(HD_BASIS "Đảng ủy rà soát nội dung theo tiểu mục 8.2.", "",
			RES, "hd06", "lvl_8__lvl_8-2"),
		VI(HD_BASIS "Đảng ủy kiểm tra theo điểm a, b và c tiểu mục 8.1 "
			"Mục 8.", "", RES, "hd06", "lvl_8__lvl_8-1__point_a "
			"lvl_8__lvl_8-1__point_b lvl_8__lvl_8-1__point_c"),
		/* Charter-keyed: Điều N is the Charter tag, mục N.M the item */
		VI(Q24_BASIS "Theo Điều 4, mục 3.2. (Khoản 2), chi bộ giới "
			"thiệu người vào Đảng.", "3.2", RES, "reg24",
			"lvl_3__lvl_3-2"),
		VI(Q24_BASIS "Chi bộ thực hiện mục 3.3.", "", RES, "reg24",
			"lvl_3__lvl_3-3"),
		VI("Tuổi đời theo Quy định 24-QĐ/TW, Điều 1, mục 1, khoản "
			"1.1.1.", "1.1.1", RES, "reg24",
			"lvl_1__lvl_1-1__lvl_1-1-1"),
		VI("Trình độ học vấn theo mục 1.2.1 Quy định số 24-QĐ/TW.", "",
			RES, "reg24", "lvl_1__lvl_1-2__lvl_1-2-1"),
		VI("Quyền của đảng viên theo Điều 3 Quy định số 24-QĐ/TW.", "",
			RES, "reg24", "lvl_2"),
		VI("Việc giới thiệu theo khoản 2 Điều 4 Quy định số 24-QĐ/TW.",
			"", RES, "reg24", "lvl_3__lvl_3-2"),
		VI("Chuyển sinh hoạt theo Điều 8 Quy định số 24-QĐ/TW.", "",
			RES, "reg24", "lvl_5"),
		VI("Đảng viên thực hiện Điều 2 Quy định số 24-QĐ/TW.", "", BRK,
			"reg24", ""),
		/* "Điều lệ Đảng" is the Charter itself, not loaded here */
		VI(Q24_BASIS "Đảng viên có nhiệm vụ theo Điều 5 Điều lệ Đảng.",
			"Điều 5", EXT, "", ""),
		VI("Trình độ theo Điểm 1.2.1, Khoản 1 Quy định số 30-QĐ/TW.",
			"", EXT, "", ""),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_vi_decimal, walks_the_number_path,
	.fini = teardown)
{
	run_case(k);
}

/* ## Vietnamese: things that look like citations and are not */

/* ## Anaphora: "khoản 3 Điều đó" names a clause of the article the
 * citation before it (same paragraph) names; "Điều này" stays the
 * article itself */

ParameterizedTestParameters(cite_vi_anaphora, takes_the_article_before)
{
	static cite_case cases[] = {
		VI("Các chi bộ thực hiện Điều 5 Quy định số 31-QĐ/TW, trong đó "
			"chú trọng khoản 3 Điều đó.", "Điều đó", RES, "reg31",
			"art_5__para_3"),
		VI("Các chi bộ thực hiện khoản 1 Điều 6 Quy định số 31-QĐ/TW và "
			"khoản 2 Điều nêu trên.", "nêu trên", RES, "reg31",
			"art_6__para_2"),
		VI("Các chi bộ thực hiện Điều 4 Quy định số 31-QĐ/TW và khoản 9 "
			"của Điều nói trên.", "nói trên", BRK, "reg31", ""),
		/* no antecedent: the article itself, as "Điều này" */
		VI(VI_BASIS "Chi bộ thực hiện khoản 3 Điều đó.", "khoản 3", SLF,
			"", ""),
		VI("Các chi bộ thực hiện Điều 5 Quy định số 31-QĐ/TW và khoản 3 "
			"của Điều này.", "Điều này", SLF, "", ""),
		/* "đó" after a label is "that": the list ends before it */
		VI(VI_BASIS "Chi bộ thực hiện Điều 5, 20 đó là số đảng viên "
			"mới.", "Điều 5", RES, "reg31", "art_5"),
		/* "điều đó" after a comma is "that", not an article */
		VI(VI_BASIS "Chi bộ thực hiện Điều 5, khoản 3, điều đó là cần "
			"thiết.", "khoản 3", RES, "reg31", "art_5__para_3"),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_vi_anaphora, takes_the_article_before,
	.fini = teardown)
{
	run_case(k);
}

ParameterizedTestParameters(cite_vi_negatives, finds_no_citation)
{
	static cite_case cases[] = {
		VI("Đến năm 2021, toàn Đảng bộ có 30 tổ chức cơ sở đảng.", "",
			NONE, "", ""),
		VI("Báo cáo gửi về trong thời hạn 15 ngày kể từ ngày nhận.", "",
			NONE, "", ""),
		VI("Hội nghị được tổ chức ngày 15/3/2026 tại hội trường.", "",
			NONE, "", ""),
		VI("Số liệu tính đến ngày 30/7/2021.", "", NONE, "", ""),
		VI("Mọi vướng mắc liên hệ số điện thoại 0912 345 678.", "",
			NONE, "", ""),
		VI("Điện thoại: 0912.345.678.", "", NONE, "", ""),
		VI("1. Mục đích\n\nQuán triệt sâu sắc nội dung.\n\n2. Yêu "
			"cầu\n\nBảo đảm nghiêm túc.\n", "", NONE, "", ""),
		VI("Mục đích 1 là nâng cao nhận thức.", "", NONE, "", ""),
		VI("Đảng viên vi phạm nộp khoản tiền 5 triệu đồng.", "", NONE,
			"", ""),
		VI("Cấp ủy bố trí khoản kinh phí 200 triệu đồng.", "", NONE, "",
			""),
		VI("Trong khoảng 5 ngày, chi bộ họp một lần.", "", NONE, "",
			""),
		VI("Người vào Đảng phải đủ điều kiện 5 năm công tác.", "", NONE,
			"", ""),
		VI("Ban điều hành 3 dự án trọng điểm.", "", NONE, "", ""),
		VI("Kế hoạch được điều chỉnh 3 lần trong năm.", "", NONE, "",
			""),
		VI("Phấn đấu đạt mục tiêu 2 năm liên tục.", "", NONE, "", ""),
		VI("Phần thưởng 2 triệu đồng được trao cho chi bộ.", "", NONE,
			"", ""),
		VI("Đảng bộ có 5 chi bộ với 120 đảng viên.", "", NONE, "", ""),
		VI("Các chi bộ hoàn thành 95% chỉ tiêu năm 2026.", "", NONE, "",
			""),
		VI("Giờ làm việc từ 7 giờ 30 đến 11 giờ 30.", "", NONE, "", ""),
		/* numbers of rooms, houses, teams: no documents */
		VI("Bố trí phòng số 5 làm nơi tiếp dân, nhà số 3 làm kho.", "",
			NONE, "", ""),
		VI("Tổ số 2 trực tại phòng № 5 của trụ sở.", "", NONE, "", ""),
		/* with a basis, so a false unit would resolve */
		VI(VI_BASIS "Mọi đảng viên chấp hành nghiêm Điều lệ Đảng.", "",
			NO_UNITS, "", ""),
		VI(VI_BASIS "Điều lệ Đảng năm 2011 quy định rõ nhiệm vụ.", "",
			NO_UNITS, "", ""),
		VI(VI_BASIS "Ban hành Chương trình 3 năm về đào tạo.", "",
			NO_UNITS, "", ""),
		VI(VI_BASIS "Tổng kết 10 năm thực hiện, 5 nhiệm vụ trọng tâm.",
			"", NO_UNITS, "", ""),
		VI(VI_BASIS "Đảng viên nộp khoản tiền 5 triệu đồng trong 30 "
			"ngày.", "", NO_UNITS, "", ""),
		VI(VI_BASIS "Cấp ủy bảo đảm điều kiện 3 và mục tiêu 4 của kế "
			"hoạch.", "", NO_UNITS, "", ""),
	};

	return cr_make_param_array(cite_case, cases,
		sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(cite_case *k, cite_vi_negatives, finds_no_citation,
	.fini = teardown)
{
	run_case(k);
}
