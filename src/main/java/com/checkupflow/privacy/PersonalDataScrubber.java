package com.checkupflow.privacy;

import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The personal-data patterns of CheckupFlow, in one place: anything shaped like a resident registration number, a
 * date, a phone number, an e-mail address, a postal address or a patient/chart id is replaced by a token such as
 * {@code [RRN]}, and so is anyone's name written next to a relation, role, title or honorific ("딸 이수진에게",
 * "박지훈 간호사", "Dr. Kim"). A bare name with none of these is not recognized. The model input's de-identifier
 * (ai.Deidentifier) applies them after the screened person's own identifiers; log lines and incident messages
 * (ScrubbingMessageConverter, engine.ScrubbedJobFailures) apply them alone.
 */
public final class PersonalDataScrubber {

    public static final String TOKEN_NAME = "[NAME]";
    public static final String TOKEN_RRN = "[RRN]";
    public static final String TOKEN_DATE = "[DATE]";
    public static final String TOKEN_PHONE = "[PHONE]";
    public static final String TOKEN_EMAIL = "[EMAIL]";
    public static final String TOKEN_ADDRESS = "[ADDRESS]";
    public static final String TOKEN_ID = "[ID]";

    /** Also used by the draft check (drafting.DraftChecker, PII_LEAK): one definition of what personal data looks like. */
    public static final Pattern RRN = Pattern.compile(
            "(?<!\\d)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\s?[-–]?\\s?[1-8](?:\\d{6}|[*xX]{6})(?!\\d)");
    public static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    /** A number at the end of a sentence ("…010-1234-5678.") is a phone number too; "5678.9" is not. */
    public static final Pattern PHONE = Pattern.compile(
            "(?<![\\d.])(?:\\+82[-. ]?\\(?0?|\\(?0)\\d{1,2}\\)?[-. ]?\\d{3,4}[-. ]?\\d{4}(?!\\d|\\.\\d)");
    /** 1998-04-25, 1998.4.25, 1998/04/25, 19980425, 98.04.25, 1998년 4월 25일. */
    private static final Pattern DATE = Pattern.compile(
            "(?<!\\d)(?:(?:19|20)?\\d{2}\\s?[-./]\\s?(?:0?[1-9]|1[0-2])\\s?[-./]\\s?(?:0?[1-9]|[12]\\d|3[01])\\.?"
                    + "|(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])"
                    + "|(?:19|20)?\\d{2}\\s?년\\s?(?:0?[1-9]|1[0-2])\\s?월\\s?(?:0?[1-9]|[12]\\d|3[01])\\s?일)(?!\\d)");
    /** A Korean road-name or lot-number address: "... 시/도 ... 구/군 ... 로/길 12", or a 5-digit postal code. */
    private static final Pattern ADDRESS = Pattern.compile(
            "(?:[가-힣]+(?:특별시|광역시|특별자치시|특별자치도|도|시)\\s+)?[가-힣]+(?:시|군|구)\\s+(?:[가-힣0-9]+(?:구|동|읍|면)\\s+)?"
                    + "[가-힣0-9]+(?:로|길|동|리)\\s*\\d+(?:-\\d+)?(?:\\s*번지)?(?:,?\\s*\\d+동)?(?:\\s*\\d+호)?"
                    + "|(?:우편번호|우\\)|zip(?:\\s*code)?)\\s*:?\\s*\\d{5}"
                    + "|\\d+(?:-\\d+)?\\s+[A-Z][a-z]+(?:\\s+[A-Z][a-z]+)*\\s+(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Ln|Drive|Dr)\\b\\.?",
            Pattern.CASE_INSENSITIVE);
    /** "환자번호 A12345", "차트 no. 2024-0012", "MRN: 778812", "patient id PT-9". */
    private static final Pattern RECORD_ID = Pattern.compile(
            "(?:환자|차트|등록|진료|수진자|검진)\\s*(?:번호|ID|아이디)\\s*[:#]?\\s*[A-Za-z0-9][A-Za-z0-9-]{2,}"
                    + "|(?:patient|chart|medical record|record|MRN)\\s*(?:no\\.?|number|id|#)?\\s*[:#]?\\s*[A-Za-z]*-?\\d[A-Za-z0-9-]{1,}",
            Pattern.CASE_INSENSITIVE);
    /**
     * A Korean name before an honorific or a role ("김민수님", "민수 씨", "박철수 환자"), surname or not. Words that name a
     * disease, a measurement or a role ("고혈압 환자", "선생님") are not names and stay.
     */
    private static final Pattern HONORIFIC_NAME = Pattern.compile("[가-힣]{2,4}(?=\\s?(?:님|씨|환자|수진자|고객님))");
    /**
     * Surname first: the role patterns below would otherwise take any word after "남편" or before "간호사" ("남편 흡연").
     * Rare surnames that mostly start clinical or common words (위, 기, 금, 인, 제, …) are left out on purpose.
     */
    private static final String SURNAME = "(?:남궁|황보|제갈|선우|독고|사공|[김이박최정강조윤장임한오서신권황안송전홍유류고문양손배백허남심노"
            + "하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설길연])";
    /**
     * A name written after a family, staff or contact word ("보호자 김영희 연락 요망", "딸 이수진에게 설명함",
     * "보호자(김영희)"). The name is taken as long as it can be, so a one-syllable particle glued to it goes too
     * ("이수진이" → [NAME]: a name may itself end in 이/은/…); a longer particle (에게, 께서, 한테, 으로) stays.
     */
    private static final Pattern ROLE_THEN_NAME = Pattern.compile(
            "(?<=(?:보호자|수검자|수진자|환자|고객|배우자|남편|아내|부인|아들|딸|어머니|아버지|모친|부친|며느리|사위|손자|손녀|할머니"
                    + "|할아버지|담당|담당자|담당의|주치의|간호사|의사|원장|과장|교수|실장|팀장|상담자|상담사|연락처|성명|이름)"
                    + "(?:\\s{1,3}|\\s{0,2}[:：(]\\s{0,2}))"
                    + SURNAME + "[가-힣]{1,3}(에게서|에게|께서|한테|으로|이랑|께|로|이|가|은|는|을|를|의|와|과|도|만|랑)?"
                    + "(?![가-힣])");
    /** A name written before a staff or family title ("박지훈 간호사가 채혈", "김민정 선생님 확인"); not "의사소통". */
    private static final Pattern NAME_THEN_ROLE = Pattern.compile("(?<![가-힣])" + SURNAME + "[가-힣]{1,3}"
            + "(?=\\s?(?:선생|간호사|보호자|원장|과장|교수|실장|팀장|어머님|아버님|의사(?![소표결])|상담사|영양사))");
    /** Diseases, measurements, departments and role words: a candidate ending so is not a name. */
    private static final Pattern NOT_A_NAME = Pattern.compile(".*(?:병|증|암|염|질환|혈압|혈당|비만|빈혈|결핵|당뇨|지방|수치|검사|결과"
            + "|검진|내시경|경색|부전|혈관|장애|소견|[내외경신안치아학후]과|선생|간호사|의사|교수|원장|과장|보호자|고객|환자|담당자|주치의)$");
    /** Common words that follow or precede a role and start like a surname ("보호자 동의", "간호사 안내", "이상 없음"). */
    private static final Set<String> NOT_NAMES = Set.of((
            "동의 동의서 확인 설명 연락 연락처 요청 상담 면담 동반 없음 미상 정보 성명 이름 이력 이전 이후 이상 이송 이해 정상 정기 정밀 "
            + "진료 진찰 진술 진단 진행 전화 전화번호 전달 전문 전문의 전공의 전담 전원 전신 전립선 서명 서류 성별 성인 소견 소변 소아 안내 "
            + "안정 유지 유의 유무 유형 조치 조절 조기 지시 지속 지도 지방간 주의 주기 주사 주임 권고 권유 방문 문의 문진 문제 채혈 추가 "
            + "추적 추후 함께 현재 한번 한방 한의사 하루 변화 양호 양성 여부 여러 여성 여자 남성 남자 남편 공복 공동 신규 신장 신체 심장 "
            + "장기 임신 임상 연령 연구 구토 구강 허리 나이 나중 도움 원인 원무 천식 백내장 황달 배뇨 배우자 차트 차후 고령 고위험 노인 "
            + "가족 본인 선생님 선임 어머 아버 할머 할아버 여러분 진단서 신분 신분증 오늘 오전 오후 변경 우편 이메일 주소 이사 이름표").split(" "));
    /** Particles and endings a common word may carry, also stacked ("기준으로", "진술로는", "이상없음", "원장님"). */
    private static final List<String> ENDINGS = List.of("에게서", "에게", "께서", "한테", "으로", "이랑", "없음", "있음", "요망", "필요",
            "여부", "에서", "까지", "부터", "께", "로", "에", "이", "가", "은", "는", "을", "를", "의", "와", "과", "도", "만", "랑",
            "함", "됨", "중", "후", "시", "상", "님", "씨");
    /** A capitalized name word: "Kim", "Young-hee", "O'Brien", "McDonald". */
    private static final String TITLE_WORD = "(?:O'|Mc|Mac)?[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*";
    /** "Dr. Kim", "Mrs Lee Young-hee": a title and one to three capitalized words; the title stays. */
    private static final Pattern TITLE_NAME = Pattern.compile(
            "\\b((?:Mrs|Mr|Ms|Miss|Dr|Prof)(?:\\.\\s*|\\s+))" + TITLE_WORD + "(?:\\s+" + TITLE_WORD + "){0,2}\\b");
    /**
     * "guardian Park Ji-hoon", "daughter Lee Su-jin": a relation or role and at least two capitalized words. One word
     * is not enough here ("Patient Kim" stays), only after a title. Title-Case text after such a word is taken as a
     * name too ("Patient Education Materials").
     */
    private static final Pattern RELATION_NAME = Pattern.compile(
            "\\b((?i:patient|guardian|wife|husband|son|daughter|mother|father|nurse)[:,]?\\s+)"
                    + TITLE_WORD + "(?:\\s+" + TITLE_WORD + "){1,2}\\b");
    private PersonalDataScrubber() {
    }

    /** Text with everything shaped like personal data replaced by tokens; null stays null. */
    public static String scrub(String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        String out = text;
        out = EMAIL.matcher(out).replaceAll(TOKEN_EMAIL);
        out = RRN.matcher(out).replaceAll(TOKEN_RRN);
        out = RECORD_ID.matcher(out).replaceAll(TOKEN_ID);
        out = PHONE.matcher(out).replaceAll(TOKEN_PHONE);
        out = DATE.matcher(out).replaceAll(TOKEN_DATE);
        out = ADDRESS.matcher(out).replaceAll(TOKEN_ADDRESS);
        out = ROLE_THEN_NAME.matcher(out).replaceAll(m -> notAName(m.group()) ? Matcher.quoteReplacement(m.group())
                : TOKEN_NAME + (m.group(1) == null ? "" : m.group(1)));
        out = NAME_THEN_ROLE.matcher(out).replaceAll(PersonalDataScrubber::nameToken);
        out = HONORIFIC_NAME.matcher(out).replaceAll(PersonalDataScrubber::nameToken);
        out = TITLE_NAME.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + TOKEN_NAME);
        out = RELATION_NAME.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1)) + TOKEN_NAME);
        return out;
    }

    private static String nameToken(MatchResult m) {
        return notAName(m.group()) ? Matcher.quoteReplacement(m.group()) : TOKEN_NAME;
    }

    /** A candidate that is a clinical or common word, alone or with particles or endings ("진술로는"), is not a name. */
    private static boolean notAName(String word) {
        if (NOT_A_NAME.matcher(word).matches() || NOT_NAMES.contains(word)) {
            return true;
        }
        for (String ending : ENDINGS) {
            if (word.endsWith(ending) && word.length() - ending.length() >= 2
                    && notAName(word.substring(0, word.length() - ending.length()))) {
                return true;
            }
        }
        return false;
    }
}
