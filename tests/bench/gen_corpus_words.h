/*
 * gen_corpus_words.h - the vocabulary of gen_corpus.c: Vietnamese phrases
 * (NFC, new tone style) and Russian stems with their declension classes.
 * Written for the generator: phrases of the administrative register, no
 * sentence taken from a real document or from corpus/.  Lists are ordered roughly from
 * common to rare; the generator draws from them with a skew, so the
 * first entries are everywhere and the last ones are rare, as in real
 * text.
 */
#ifndef GEN_CORPUS_WORDS_H
#define GEN_CORPUS_WORDS_H

/* Each file of the generator uses some of the lists. */
#define WORD_LIST __attribute__((unused))

/* ## Vietnamese */

static const char *const vi_actor[] WORD_LIST = {
	"cấp ủy", "chi bộ", "chi ủy", "đảng ủy cơ sở", "bí thư chi bộ",
	"ban thường vụ cấp ủy", "tổ chức đảng", "đảng viên",
	"ủy ban kiểm tra", "ban tổ chức cấp ủy", "người đứng đầu cơ quan",
	"văn phòng cấp ủy", "ban tuyên giáo và dân vận", "đảng ủy khối",
	"phó bí thư chi bộ", "cấp ủy cấp trên trực tiếp", "thường trực cấp ủy",
	"ban cán sự đảng", "đảng đoàn", "mặt trận tổ quốc", "đoàn thanh niên",
	"hội cựu chiến binh", "hội liên hiệp phụ nữ", "công đoàn cơ sở",
	"ủy ban nhân dân cấp xã", "ban công tác mặt trận", "tổ giúp việc",
	"cán bộ phụ trách hồ sơ", "đảng viên được phân công",
	"trung tâm chính trị", "cơ quan tham mưu", "tổ dân phố",
	"ban chỉ đạo chuyển đổi số", "bộ phận một cửa",
};

static const char *const vi_verb[] WORD_LIST = {
	"thực hiện", "triển khai", "xây dựng", "kiểm tra", "giám sát",
	"đánh giá", "tổng hợp", "rà soát", "tổ chức", "bổ sung", "hoàn thiện",
	"quán triệt", "tuyên truyền", "phổ biến", "theo dõi", "hướng dẫn",
	"chỉ đạo", "phối hợp", "cập nhật", "quản lý", "lưu trữ", "xử lý",
	"khắc phục", "nâng cao", "tăng cường", "đổi mới", "củng cố",
	"kiện toàn", "phát huy", "bảo đảm", "ban hành", "sửa đổi", "thẩm định",
	"phê duyệt", "xem xét", "giải quyết", "tiếp nhận", "bàn giao",
	"đề xuất", "công khai", "số hóa", "kết nối", "chia sẻ", "đối chiếu",
	"xác minh", "thống kê", "lập danh sách", "ghi chép", "niêm yết",
	"thông báo", "nhận xét", "biểu dương", "nhắc nhở", "chấn chỉnh",
	"sơ kết", "tổng kết", "nghiên cứu", "lựa chọn", "giới thiệu",
	"bồi dưỡng", "phân công", "đôn đốc", "khai thác", "bảo quản",
	"chuẩn hóa", "mã hóa", "thu nộp", "tiêu hủy", "sao lục", "xác nhận",
};

static const char *const vi_object[] WORD_LIST = {
	"hồ sơ đảng viên", "sinh hoạt chi bộ", "nghị quyết của chi bộ",
	"kế hoạch hằng năm", "dữ liệu đảng viên", "chương trình công tác",
	"cơ sở dữ liệu", "tài liệu sinh hoạt", "biên bản họp",
	"phần mềm quản lý đảng viên", "danh sách quần chúng ưu tú", "đảng phí",
	"chế độ thông tin báo cáo", "phiếu đánh giá", "tiêu chí xếp loại",
	"quy chế làm việc", "cán bộ chủ chốt", "đội ngũ cấp ủy viên",
	"nhiệm vụ chính trị", "công tác tư tưởng", "công tác kiểm tra",
	"đơn thư khiếu nại", "ý kiến phản ánh của nhân dân", "thẻ đảng viên",
	"lý lịch đảng viên", "phiếu báo chuyển sinh hoạt",
	"giấy giới thiệu sinh hoạt", "quyết định kết nạp",
	"hồ sơ đề nghị kết nạp", "kết quả kiểm điểm", "bản cam kết tu dưỡng",
	"chỉ tiêu phát triển đảng viên", "nội dung sinh hoạt chuyên đề",
	"tình hình tư tưởng", "dư luận xã hội", "việc học tập nghị quyết",
	"giấy chứng nhận bồi dưỡng", "sổ theo dõi đảng viên",
	"hệ thống thông tin", "tài khoản điện tử", "chữ ký số",
	"văn bản điện tử", "kho lưu trữ", "mục lục hồ sơ", "bìa hồ sơ",
	"mẫu biểu thống kê", "báo cáo định kỳ", "kinh phí hoạt động",
	"trang thông tin điện tử", "ứng dụng sổ tay đảng viên",
	"quy trình xét kết nạp", "thủ tục chuyển đảng chính thức",
	"danh mục tài liệu", "thời hạn bảo quản", "dấu niêm phong",
	"phiếu thu thập thông tin", "bảng tổng hợp", "kết luận kiểm tra",
	"kiến nghị sau giám sát", "hình thức kỷ luật", "huy hiệu Đảng",
	"đảng viên cao tuổi", "đảng viên đi làm ăn xa",
	"đảng viên tạm hoãn sinh hoạt", "quần chúng cảm tình đảng",
	"chi bộ trực thuộc", "địa bàn dân cư", "doanh nghiệp ngoài nhà nước",
	"mã định danh", "sổ đăng ký", "hộp thư góp ý", "lịch tiếp dân",
	"quy chế phối hợp", "đề án nhân sự", "bản tự kiểm điểm",
	"phiếu tín nhiệm", "khung năng lực", "chương trình bồi dưỡng",
	"hướng dẫn nghiệp vụ", "thiết bị lưu trữ", "máy chủ dự phòng",
	"quy trình sao lưu", "nhật ký truy cập", "quyền khai thác dữ liệu",
};

static const char *const vi_mod[] WORD_LIST = {
	"thường xuyên", "kịp thời", "đầy đủ", "chính xác",
	"công khai, minh bạch", "đúng quy định", "theo hướng dẫn của cấp trên",
	"có trọng tâm, trọng điểm", "thiết thực, hiệu quả", "đồng bộ",
	"chặt chẽ", "nghiêm túc", "khoa học", "thống nhất", "an toàn",
	"liên tục", "cụ thể", "rõ ràng", "đúng thẩm quyền", "đúng thời hạn",
	"không hình thức", "sát với thực tế", "tiết kiệm",
	"phù hợp với đặc điểm của từng loại hình chi bộ", "bảo mật",
};

static const char *const vi_prep[] WORD_LIST = {
	"trên môi trường số", "theo mẫu thống nhất", "trong toàn đảng bộ",
	"ở các chi bộ trực thuộc", "bằng văn bản", "theo phân cấp quản lý",
	"tại trụ sở đảng ủy", "đối với đảng viên mới kết nạp",
	"giữa các cấp ủy", "qua ứng dụng trên điện thoại",
	"trong phạm vi được giao", "với cấp ủy nơi cư trú",
	"cho từng đảng viên", "trước hội nghị chi bộ", "sau mỗi đợt kiểm tra",
	"trên hệ thống phần mềm", "tại kho lưu trữ của cấp ủy",
	"ở địa bàn khu dân cư", "trong doanh nghiệp",
	"với các tổ chức chính trị - xã hội",
	"theo chỉ đạo của ban thường vụ", "tại bộ phận một cửa",
};

static const char *const vi_time[] WORD_LIST = {
	"hằng tháng", "hằng quý", "hằng năm", "sáu tháng một lần",
	"trước ngày 15 tháng 12 hằng năm", "trong quý đầu của năm",
	"chậm nhất 30 ngày kể từ ngày nhận được văn bản",
	"trong thời hạn 10 ngày làm việc", "trước mỗi kỳ đại hội",
	"ngay sau khi có quyết định", "trước ngày 30 tháng 6",
	"trong tháng đầu tiên của nhiệm kỳ", "không quá 05 ngày làm việc",
	"trong năm 2026", "giai đoạn 2026 - 2030", "định kỳ 6 tháng",
	"vào ngày 03 hằng tháng", "trước ngày 20 tháng 11",
};

static const char *const vi_goal[] WORD_LIST = {
	"nâng cao chất lượng sinh hoạt chi bộ",
	"giữ gìn sự đoàn kết, thống nhất trong Đảng",
	"phát hiện sớm những vi phạm", "phục vụ công tác quản lý đảng viên",
	"tránh thất lạc tài liệu",
	"tạo điều kiện cho đảng viên tham gia đầy đủ",
	"siết chặt kỷ luật, kỷ cương", "củng cố niềm tin của nhân dân",
	"bảo đảm bí mật nhà nước", "giảm giấy tờ, thủ tục không cần thiết",
	"phát huy vai trò tiên phong của đảng viên",
	"kịp thời biểu dương nhân tố mới", "rút ngắn thời gian xử lý hồ sơ",
};

static const char *const vi_problem[] WORD_LIST = {
	"còn chậm", "chưa đầy đủ", "còn hình thức", "chưa thường xuyên",
	"còn lúng túng", "chưa đồng bộ", "có nơi còn buông lỏng",
	"chưa được cập nhật kịp thời", "chưa sát với thực tế",
	"còn thiếu cán bộ chuyên trách", "có lúc còn chồng chéo",
};

static const char *const vi_result[] WORD_LIST = {
	"hoàn thành đúng tiến độ", "được cấp trên đánh giá cao",
	"có chuyển biến rõ nét", "không để xảy ra sai sót",
	"tạo sự đồng thuận trong đảng viên", "được nhân dân đồng tình",
	"bảo đảm an toàn tuyệt đối", "đi vào nền nếp",
};

/* Linking words a paraphrase inserts. */
static const char *const vi_insert[] WORD_LIST = {
	"các", "những", "kịp thời", "cụ thể", "đúng", "toàn bộ", "từng",
	"thực chất", "nghiêm", "chủ động", "trực tiếp", "đã", "sẽ", "cần",
};

/* Another subject: disaster prevention and rural works (documents that
 * share the administrative words and none of the subject). */
static const char *const vi_other_object[] WORD_LIST = {
	"công trình đê điều", "hồ chứa nước", "kênh mương nội đồng",
	"phương án sơ tán dân", "vật tư dự phòng", "lực lượng xung kích",
	"mùa mưa bão", "điểm sạt lở", "nhà văn hóa thôn",
	"tuyến đường liên xã", "cầu dân sinh", "trạm bơm tiêu úng",
	"diện tích lúa vụ mùa", "vùng nuôi trồng thủy sản",
	"hệ thống cảnh báo sớm", "bản đồ ngập lụt", "phương tiện cứu hộ",
	"kho lương thực dự trữ", "rừng phòng hộ ven biển",
	"lưới điện nông thôn", "nước sạch sinh hoạt",
};

static const char *const vi_place[] WORD_LIST = {
	"An", "Bình", "Hòa", "Phú", "Tân", "Thạnh", "Long", "Phước", "Đông",
	"Tây", "Nam", "Bắc", "Sơn", "Hà", "Lâm", "Giang", "Thủy", "Mỹ",
	"Hưng", "Lộc", "Xuân", "Thịnh", "Quang", "Trung", "Vĩnh", "Khánh",
	"Hải", "Thuận", "Hiệp", "Nghĩa", "Lợi", "Cường", "Thành", "Định",
	"Phong", "Yên", "Kim", "Ngọc", "Đức", "Hậu",
};

static const char *const vi_chapter[] WORD_LIST = {
	"QUY ĐỊNH CHUNG", "QUẢN LÝ HỒ SƠ ĐẢNG VIÊN", "DỮ LIỆU VÀ PHẦN MỀM",
	"SINH HOẠT CỦA TỔ CHỨC CƠ SỞ ĐẢNG", "KIỂM TRA, GIÁM SÁT",
	"CHẾ ĐỘ THÔNG TIN, BÁO CÁO", "TRÁCH NHIỆM CỦA CẤP ỦY CÁC CẤP",
	"PHỐI HỢP VỚI CÁC TỔ CHỨC", "KHEN THƯỞNG VÀ XỬ LÝ VI PHẠM",
	"ĐIỀU KHOẢN THI HÀNH",
};

/* ## Russian */

enum { NOM, GEN, DAT, ACC, INS, PRE, NCASE };
enum { MASC, FEM, NEUT };
/* Declension classes: hard masculine (документ), masculine in -ь
 * (руководитель), feminine in -а (проверка), in -ия (комиссия), in -ь
 * (деятельность), neuter in -ие (решение), in -о (лицо). */
enum { RN_M, RN_MS, RN_FA, RN_FIA, RN_FS, RN_NIE, RN_NO };

typedef struct {
	const char *stem;
	unsigned char cls;
	unsigned char animate;
	const char *genpl;   /* genitive plural of RN_FA / RN_NO */
} ru_noun;

static const ru_noun ru_nouns[] WORD_LIST = {
	{ "орган", RN_M, 0, 0 }, { "документ", RN_M, 0, 0 },
	{ "проверк", RN_FA, 0, "проверок" }, { "решени", RN_NIE, 0, 0 },
	{ "обращени", RN_NIE, 0, 0 }, { "руководител", RN_MS, 1, 0 },
	{ "мероприяти", RN_NIE, 0, 0 }, { "отчет", RN_M, 0, 0 },
	{ "информаци", RN_FIA, 0, 0 }, { "комисси", RN_FIA, 0, 0 },
	{ "результат", RN_M, 0, 0 }, { "нарушени", RN_NIE, 0, 0 },
	{ "срок", RN_M, 0, 0 }, { "план", RN_M, 0, 0 },
	{ "деятельност", RN_FS, 0, 0 }, { "акт", RN_M, 0, 0 },
	{ "контрол", RN_MS, 0, 0 }, { "подразделени", RN_NIE, 0, 0 },
	{ "лиц", RN_NO, 1, "лиц" }, { "заявлени", RN_NIE, 0, 0 },
	{ "предложени", RN_NIE, 0, 0 }, { "работ", RN_FA, 0, "работ" },
	{ "систем", RN_FA, 0, "систем" }, { "реестр", RN_M, 0, 0 },
	{ "сотрудник", RN_M, 1, 0 }, { "специалист", RN_M, 1, 0 },
	{ "поручени", RN_NIE, 0, 0 }, { "уведомлени", RN_NIE, 0, 0 },
	{ "исполнени", RN_NIE, 0, 0 }, { "устранени", RN_NIE, 0, 0 },
	{ "запрос", RN_M, 0, 0 }, { "ответ", RN_M, 0, 0 },
	{ "протокол", RN_M, 0, 0 }, { "график", RN_M, 0, 0 },
	{ "журнал", RN_M, 0, 0 }, { "организаци", RN_FIA, 0, 0 },
	{ "отчетност", RN_FS, 0, 0 }, { "ответственност", RN_FS, 0, 0 },
	{ "показател", RN_MS, 0, 0 }, { "заявител", RN_MS, 1, 0 },
	{ "исполнител", RN_MS, 1, 0 }, { "программ", RN_FA, 0, "программ" },
	{ "форм", RN_FA, 0, "форм" }, { "справк", RN_FA, 0, "справок" },
	{ "мер", RN_FA, 0, "мер" }, { "служб", RN_FA, 0, "служб" },
	{ "согласовани", RN_NIE, 0, 0 }, { "размещени", RN_NIE, 0, 0 },
	{ "учреждени", RN_NIE, 0, 0 }, { "заключени", RN_NIE, 0, 0 },
	{ "дел", RN_NO, 0, "дел" }, { "письм", RN_NO, 0, "писем" },
	{ "контракт", RN_M, 0, 0 }, { "объект", RN_M, 0, 0 },
	{ "сайт", RN_M, 0, 0 }, { "отдел", RN_M, 0, 0 },
	{ "департамент", RN_M, 0, 0 }, { "анализ", RN_M, 0, 0 },
	{ "мониторинг", RN_M, 0, 0 }, { "вопрос", RN_M, 0, 0 },
	{ "учет", RN_M, 0, 0 }, { "доступ", RN_M, 0, 0 },
	{ "надзор", RN_M, 0, 0 }, { "регламент", RN_M, 0, 0 },
	{ "проект", RN_M, 0, 0 }, { "стандарт", RN_M, 0, 0 },
	{ "механизм", RN_M, 0, 0 }, { "метод", RN_M, 0, 0 },
	{ "процедур", RN_FA, 0, "процедур" }, { "выписк", RN_FA, 0, "выписок" },
	{ "заявк", RN_FA, 0, "заявок" }, { "оценк", RN_FA, 0, "оценок" },
	{ "методик", RN_FA, 0, "методик" }, { "платформ", RN_FA, 0, "платформ" },
	{ "категори", RN_FIA, 0, 0 }, { "копи", RN_FIA, 0, 0 },
	{ "инспекци", RN_FIA, 0, 0 }, { "консультаци", RN_FIA, 0, 0 },
	{ "документаци", RN_FIA, 0, 0 }, { "возможност", RN_FS, 0, 0 },
	{ "достоверност", RN_FS, 0, 0 }, { "должност", RN_FS, 0, 0 },
	{ "обязанност", RN_FS, 0, 0 }, { "эффективност", RN_FS, 0, 0 },
	{ "прозрачност", RN_FS, 0, 0 }, { "представлени", RN_NIE, 0, 0 },
	{ "взаимодействи", RN_NIE, 0, 0 }, { "совещани", RN_NIE, 0, 0 },
	{ "расследовани", RN_NIE, 0, 0 }, { "хранени", RN_NIE, 0, 0 },
	{ "выполнени", RN_NIE, 0, 0 }, { "пользовател", RN_MS, 1, 0 },
	{ "представител", RN_MS, 1, 0 },
};

/* Adjective classes: -ый (исполнительный), stressed -ой (областной),
 * -кий/-ский (городской is -ой: not here; методический). */
enum { RA_Y, RA_OI, RA_K };

typedef struct {
	const char *stem;
	unsigned char cls;
} ru_adj;

static const ru_adj ru_adjs[] WORD_LIST = {
	{ "исполнительн", RA_Y }, { "государственн", RA_Y },
	{ "областн", RA_OI }, { "электронн", RA_Y }, { "письменн", RA_Y },
	{ "официальн", RA_Y }, { "установленн", RA_Y }, { "обязательн", RA_Y },
	{ "своевременн", RA_Y }, { "основн", RA_OI }, { "полн", RA_Y },
	{ "муниципальн", RA_Y }, { "ежегодн", RA_Y }, { "ежеквартальн", RA_Y },
	{ "необходим", RA_Y }, { "достоверн", RA_Y }, { "уполномоченн", RA_Y },
	{ "структурн", RA_Y }, { "очередн", RA_Y }, { "планов", RA_Y },
	{ "внепланов", RA_Y }, { "должностн", RA_Y }, { "служебн", RA_Y },
	{ "информационн", RA_Y }, { "контрольн", RA_Y }, { "финансов", RA_Y },
	{ "бюджетн", RA_Y }, { "кадров", RA_Y }, { "методическ", RA_K },
	{ "юридическ", RA_K }, { "годов", RA_OI }, { "выездн", RA_OI },
	{ "межведомственн", RA_Y }, { "подведомственн", RA_Y },
	{ "региональн", RA_Y }, { "итогов", RA_Y }, { "сводн", RA_Y },
	{ "первичн", RA_Y }, { "повторн", RA_Y }, { "дополнительн", RA_Y },
	{ "техническ", RA_K }, { "аналитическ", RA_K },
	{ "статистическ", RA_K }, { "документарн", RA_Y }, { "устн", RA_Y },
};

/* Transitive verbs: third person singular, plural; infinitive. */
static const char *const ru_verb[][3] WORD_LIST = {
	{ "обеспечивает", "обеспечивают", "обеспечить" },
	{ "организует", "организуют", "организовать" },
	{ "осуществляет", "осуществляют", "осуществлять" },
	{ "рассматривает", "рассматривают", "рассмотреть" },
	{ "направляет", "направляют", "направить" },
	{ "утверждает", "утверждают", "утвердить" },
	{ "согласовывает", "согласовывают", "согласовать" },
	{ "представляет", "представляют", "представить" },
	{ "размещает", "размещают", "разместить" },
	{ "проводит", "проводят", "провести" },
	{ "готовит", "готовят", "подготовить" },
	{ "формирует", "формируют", "сформировать" },
	{ "ведет", "ведут", "вести" },
	{ "анализирует", "анализируют", "проанализировать" },
	{ "контролирует", "контролируют", "контролировать" },
	{ "устанавливает", "устанавливают", "установить" },
	{ "определяет", "определяют", "определить" },
	{ "принимает", "принимают", "принять" },
	{ "проверяет", "проверяют", "проверить" },
	{ "обобщает", "обобщают", "обобщить" },
	{ "публикует", "публикуют", "опубликовать" },
	{ "регистрирует", "регистрируют", "зарегистрировать" },
	{ "учитывает", "учитывают", "учесть" },
	{ "хранит", "хранят", "хранить" },
	{ "передает", "передают", "передать" },
	{ "запрашивает", "запрашивают", "запросить" },
	{ "уточняет", "уточняют", "уточнить" },
	{ "обновляет", "обновляют", "обновить" },
	{ "пересматривает", "пересматривают", "пересмотреть" },
};

/* Passive (reflexive) verbs: singular, plural. */
static const char *const ru_passive[][2] WORD_LIST = {
	{ "осуществляется", "осуществляются" }, { "проводится", "проводятся" },
	{ "утверждается", "утверждаются" }, { "направляется", "направляются" },
	{ "размещается", "размещаются" }, { "рассматривается", "рассматриваются" },
	{ "представляется", "представляются" }, { "ведется", "ведутся" },
	{ "хранится", "хранятся" }, { "согласовывается", "согласовываются" },
	{ "оформляется", "оформляются" }, { "подписывается", "подписываются" },
};

/* Prepositions and the case they govern. */
static const struct {
	const char *prep;
	int cas;
} ru_prep[] WORD_LIST = {
	{ "в", PRE }, { "по", DAT }, { "с", INS }, { "для", GEN },
	{ "о", PRE }, { "на", PRE }, { "до", GEN }, { "за", INS },
	{ "при", PRE }, { "в целях", GEN }, { "в соответствии с", INS },
	{ "в отношении", GEN }, { "в ходе", GEN }, { "по итогам", GEN },
};

/* Genitive tails that end many noun phrases. */
static const char *const ru_tail[] WORD_LIST = {
	"граждан", "Северной области", "исполнительных органов области",
	"органов местного самоуправления", "текущего года",
	"Правительства Северной области", "подведомственных учреждений",
	"отчетного периода", "контрольного мероприятия",
};

static const char *const ru_time[] WORD_LIST = {
	"ежеквартально", "ежегодно", "не реже одного раза в полугодие",
	"до 15 декабря текущего года", "в течение тридцати дней",
	"не позднее пяти рабочих дней", "в срок до 1 марта",
	"по итогам каждого квартала", "в двухнедельный срок",
	"в течение трех рабочих дней со дня поступления",
	"не позднее 20 числа месяца, следующего за отчетным",
	"в установленном порядке", "незамедлительно",
};

static const char *const ru_month[] WORD_LIST = {
	"января", "февраля", "марта", "апреля", "мая", "июня", "июля",
	"августа", "сентября", "октября", "ноября", "декабря",
};

static const char *const ru_adverb[] WORD_LIST = {
	"своевременно", "ежемесячно", "дополнительно", "обязательно",
	"надлежащим образом", "в полном объеме", "при необходимости",
	"также", "непосредственно", "в установленный срок",
};

static const char *const ru_chapter[] WORD_LIST = {
	"Общие положения", "Планирование контрольных мероприятий",
	"Порядок проведения проверок", "Оформление результатов контроля",
	"Устранение выявленных нарушений", "Отчетность и мониторинг",
	"Информационное обеспечение контроля",
	"Взаимодействие с органами местного самоуправления",
	"Ответственность должностных лиц", "Заключительные положения",
};

/* Another subject: the heating season and municipal works. */
static const char *const ru_other[] WORD_LIST = {
	"отопительного сезона", "теплоснабжающих организаций",
	"жилищного фонда", "котельных", "тепловых сетей", "запасов топлива",
	"аварийных бригад", "многоквартирных домов", "дорожного покрытия",
	"уличного освещения", "ливневой канализации", "подготовки к зиме",
};

#endif /* GEN_CORPUS_WORDS_H */
