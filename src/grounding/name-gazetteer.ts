/** A place, nationality or organisation that news text names, with its spellings in Arabic and English. */
export interface GazetteerEntry {
  id: string
  kind: 'country' | 'capital' | 'city' | 'region' | 'organisation'
  arabic: readonly string[]
  english: readonly string[]
  /** Entries that stand for this one in news usage (a capital for its country), and so support it. */
  sameAs?: readonly string[]
}

// A generic news gazetteer: countries with their nationality adjective and capital, regions and
// organisations. It is world knowledge, not knowledge of any article; metonymy (Rabat for Morocco)
// is common in news prose, so capitals and countries support each other.
const COUNTRIES: ReadonlyArray<readonly [string, string[], string[], string[], string[]]> = [
  // id, Arabic names and adjectives, English names, Arabic capital, English capital
  ['morocco', ['المغرب', 'المملكة المغربية', 'مغربي', 'مغاربة'], ['Morocco', 'Moroccan', 'Moroccans'], ['الرباط'], ['Rabat']],
  ['usa', ['الولايات المتحدة', 'الولايات المتحدة الأمريكية', 'أمريكا', 'أميركا', 'أمريكي', 'أميركي'], ['United States', 'US', 'U.S.', 'USA', 'America', 'American', 'Americans'], ['واشنطن'], ['Washington']],
  ['saudi-arabia', ['السعودية', 'المملكة العربية السعودية', 'سعودي'], ['Saudi Arabia', 'Saudi', 'Saudis'], ['الرياض'], ['Riyadh']],
  ['uae', ['الإمارات', 'الإمارات العربية المتحدة', 'إماراتي'], ['UAE', 'Emirates', 'Emirati'], ['أبوظبي', 'أبو ظبي'], ['Abu Dhabi']],
  ['egypt', ['مصر', 'مصري'], ['Egypt', 'Egyptian'], ['القاهرة'], ['Cairo']],
  ['algeria', ['الجزائر', 'جزائري'], ['Algeria', 'Algerian', 'Algiers'], [], []],
  ['tunisia', ['تونس', 'تونسي'], ['Tunisia', 'Tunisian', 'Tunis'], [], []],
  ['libya', ['ليبيا', 'ليبي'], ['Libya', 'Libyan'], ['طرابلس'], ['Tripoli']],
  ['mauritania', ['موريتانيا', 'موريتاني'], ['Mauritania', 'Mauritanian'], ['نواكشوط'], ['Nouakchott']],
  ['sudan', ['السودان', 'سوداني'], ['Sudan', 'Sudanese'], ['الخرطوم'], ['Khartoum']],
  ['syria', ['سوريا', 'سورية', 'سوري'], ['Syria', 'Syrian'], ['دمشق'], ['Damascus']],
  ['iraq', ['العراق', 'عراقي'], ['Iraq', 'Iraqi'], ['بغداد'], ['Baghdad']],
  ['lebanon', ['لبنان', 'لبناني'], ['Lebanon', 'Lebanese'], ['بيروت'], ['Beirut']],
  ['jordan', ['الأردن', 'أردني'], ['Jordan', 'Jordanian'], [], ['Amman']],
  ['palestine', ['فلسطين', 'فلسطيني'], ['Palestine', 'Palestinian'], ['القدس'], ['Jerusalem']],
  ['israel', ['إسرائيل', 'إسرائيلي'], ['Israel', 'Israeli'], ['تل أبيب'], ['Tel Aviv']],
  ['yemen', ['اليمن', 'يمني'], ['Yemen', 'Yemeni'], ['صنعاء'], ['Sanaa']],
  ['oman', ['عمان', 'عماني'], ['Oman', 'Omani'], ['مسقط'], ['Muscat']],
  ['kuwait', ['الكويت', 'كويتي'], ['Kuwait', 'Kuwaiti'], [], []],
  ['qatar', ['قطر', 'قطري'], ['Qatar', 'Qatari'], ['الدوحة'], ['Doha']],
  ['bahrain', ['البحرين', 'بحريني'], ['Bahrain', 'Bahraini'], ['المنامة'], ['Manama']],
  ['iran', ['إيران', 'إيراني'], ['Iran', 'Iranian'], ['طهران'], ['Tehran']],
  ['turkey', ['تركيا', 'تركي'], ['Turkey', 'Turkish'], ['أنقرة'], ['Ankara']],
  ['afghanistan', ['أفغانستان', 'أفغاني'], ['Afghanistan', 'Afghan'], ['كابول'], ['Kabul']],
  ['pakistan', ['باكستان', 'باكستاني'], ['Pakistan', 'Pakistani'], ['إسلام أباد'], ['Islamabad']],
  ['india', ['الهند', 'هندي'], ['India', 'Indian'], ['نيودلهي'], ['New Delhi']],
  ['china', ['الصين', 'صيني'], ['China', 'Chinese'], ['بكين'], ['Beijing']],
  ['japan', ['اليابان', 'ياباني'], ['Japan', 'Japanese'], ['طوكيو'], ['Tokyo']],
  ['russia', ['روسيا', 'روسي'], ['Russia', 'Russian'], ['موسكو'], ['Moscow']],
  ['france', ['فرنسا', 'فرنسي'], ['France', 'French'], ['باريس'], ['Paris']],
  ['belgium', ['بلجيكا', 'بلجيكي'], ['Belgium', 'Belgian'], ['بروكسل'], ['Brussels']],
  ['united-kingdom', ['بريطانيا', 'المملكة المتحدة', 'بريطاني', 'إنجلترا'], ['Britain', 'British', 'United Kingdom', 'UK', 'England'], ['لندن'], ['London']],
  ['germany', ['ألمانيا', 'ألماني'], ['Germany', 'German'], ['برلين'], ['Berlin']],
  ['spain', ['إسبانيا', 'إسباني'], ['Spain', 'Spanish'], ['مدريد'], ['Madrid']],
  ['italy', ['إيطاليا', 'إيطالي'], ['Italy', 'Italian'], ['روما'], ['Rome']],
  ['netherlands', ['هولندا', 'هولندي'], ['Netherlands', 'Dutch'], ['أمستردام'], ['Amsterdam']],
  ['canada', ['كندا', 'كندي'], ['Canada', 'Canadian'], ['أوتاوا'], ['Ottawa']],
  ['nigeria', ['نيجيريا', 'نيجيري'], ['Nigeria', 'Nigerian'], ['أبوجا'], ['Abuja']],
  ['niger', ['النيجر'], ['Niger'], ['نيامي'], ['Niamey']],
  ['somalia', ['الصومال', 'صومالي'], ['Somalia', 'Somali'], ['مقديشو'], ['Mogadishu']],
  ['ethiopia', ['إثيوبيا', 'إثيوبي'], ['Ethiopia', 'Ethiopian'], ['أديس أبابا'], ['Addis Ababa']],
  ['senegal', ['السنغال', 'سنغالي'], ['Senegal', 'Senegalese'], ['داكار'], ['Dakar']],
  ['chad', ['تشاد', 'تشادي'], ['Chad', 'Chadian'], ['نجامينا'], ['Ndjamena']],
  ['indonesia', ['إندونيسيا', 'إندونيسي'], ['Indonesia', 'Indonesian'], ['جاكرتا'], ['Jakarta']],
  ['australia', ['أستراليا', 'أسترالي'], ['Australia', 'Australian'], ['كانبرا'], ['Canberra']],
  ['brazil', ['البرازيل', 'برازيلي'], ['Brazil', 'Brazilian'], [], []],
  ['kenya', ['كينيا', 'كيني'], ['Kenya', 'Kenyan'], ['نيروبي'], ['Nairobi']],
]

const CITIES: ReadonlyArray<readonly [string, string[], string[]]> = [
  ['casablanca', ['الدار البيضاء'], ['Casablanca']],
  ['marrakesh', ['مراكش'], ['Marrakesh', 'Marrakech']],
  ['fez', ['فاس'], ['Fez', 'Fes']],
  ['tangier', ['طنجة'], ['Tangier', 'Tangiers']],
  ['abbottabad', ['أبوتاباد', 'أبوت آباد', 'أبت آباد'], ['Abbottabad']],
  ['jeddah', ['جدة'], ['Jeddah', 'Jidda']],
  ['mecca', ['مكة'], ['Mecca', 'Makkah']],
  ['dubai', ['دبي'], ['Dubai']],
  ['mosul', ['الموصل'], ['Mosul']],
  ['aleppo', ['حلب'], ['Aleppo']],
  ['raqqa', ['الرقة'], ['Raqqa']],
  ['benghazi', ['بنغازي'], ['Benghazi']],
  ['istanbul', ['إسطنبول', 'اسطنبول'], ['Istanbul']],
  ['gaza', ['غزة'], ['Gaza']],
  ['new-york', ['نيويورك'], ['New York']],
  ['geneva', ['جنيف'], ['Geneva']],
]

const REGIONS: ReadonlyArray<readonly [string, string[], string[]]> = [
  ['africa', ['أفريقيا', 'إفريقيا', 'أفريقي', 'إفريقي'], ['Africa', 'African']],
  ['asia', ['آسيا', 'آسيوي'], ['Asia', 'Asian']],
  ['europe', ['أوروبا', 'أوروبي'], ['Europe', 'European']],
  ['latin-america', ['أمريكا اللاتينية', 'أميركا اللاتينية'], ['Latin America']],
  ['middle-east', ['الشرق الأوسط'], ['Middle East']],
  ['gulf', ['الخليج', 'الخليج العربي', 'خليجي'], ['Gulf', 'Persian Gulf', 'Arabian Gulf']],
  ['maghreb', ['المغرب العربي', 'المغرب الكبير'], ['Maghreb']],
  ['sahel', ['الساحل والصحراء', 'الساحل الأفريقي'], ['Sahel']],
  ['mediterranean', ['البحر المتوسط', 'الأبيض المتوسط', 'البحر الأبيض المتوسط'], ['Mediterranean']],
  ['balkans', ['البلقان'], ['Balkans']],
]

const ORGANISATIONS: ReadonlyArray<readonly [string, string[], string[]]> = [
  ['united-nations', ['الأمم المتحدة', 'أممي'], ['United Nations', 'UN']],
  ['security-council', ['مجلس الأمن', 'مجلس الأمن الدولي'], ['Security Council']],
  ['arab-league', ['الجامعة العربية', 'جامعة الدول العربية'], ['Arab League', 'League of Arab States']],
  ['nato', ['الناتو', 'حلف الناتو', 'حلف شمال الأطلسي', 'الأطلسي'], ['NATO']],
  ['european-union', ['الاتحاد الأوروبي'], ['European Union', 'EU']],
  ['african-union', ['الاتحاد الأفريقي', 'الاتحاد الإفريقي'], ['African Union']],
  ['gulf-cooperation-council', ['مجلس التعاون الخليجي', 'مجلس التعاون لدول الخليج'], ['GCC', 'Gulf Cooperation Council']],
  ['al-qaeda', ['القاعدة', 'تنظيم القاعدة'], ['Al-Qaeda', 'Qaeda', 'Qaida']],
  ['isis', ['داعش', 'داعشي', 'تنظيم الدولة', 'الدولة الإسلامية'], ['ISIS', 'ISIL', 'Daesh', 'Islamic State']],
  ['taliban', ['طالبان'], ['Taliban']],
  ['hezbollah', ['حزب الله'], ['Hezbollah', 'Hizbollah']],
  ['hamas', ['حماس'], ['Hamas']],
  ['boko-haram', ['بوكو حرام'], ['Boko Haram']],
  ['muslim-brotherhood', ['الإخوان المسلمين', 'الإخوان المسلمون'], ['Muslim Brotherhood']],
  ['nasa', ['ناسا'], ['NASA']],
  ['pentagon', ['البنتاغون', 'البنتاجون'], ['Pentagon']],
  ['white-house', ['البيت الأبيض'], ['White House']],
  ['minurso', ['المينورسو'], ['MINURSO']],
  ['imf', ['صندوق النقد الدولي'], ['IMF', 'International Monetary Fund']],
  ['world-bank', ['البنك الدولي'], ['World Bank']],
]

function buildGazetteer(): GazetteerEntry[] {
  const entries: GazetteerEntry[] = []
  for (const [id, arabic, english, arabicCapital, englishCapital] of COUNTRIES) {
    const hasCapital = arabicCapital.length > 0 || englishCapital.length > 0
    entries.push({ id, kind: 'country', arabic, english, ...(hasCapital ? { sameAs: [`${id}:capital`] } : {}) })
    if (hasCapital) entries.push({ id: `${id}:capital`, kind: 'capital', arabic: arabicCapital, english: englishCapital, sameAs: [id] })
  }
  for (const [id, arabic, english] of CITIES) entries.push({ id, kind: 'city', arabic, english })
  for (const [id, arabic, english] of REGIONS) entries.push({ id, kind: 'region', arabic, english })
  for (const [id, arabic, english] of ORGANISATIONS) entries.push({ id, kind: 'organisation', arabic, english })
  return entries
}

/** Every gazetteer entry: countries (with nationality adjectives), capitals, cities, regions and organisations. */
export const NAME_GAZETTEER: readonly GazetteerEntry[] = buildGazetteer()

/** Common given names in Arabic script; the word after one is taken as part of the same name. */
export const GIVEN_NAMES: readonly string[] = [
  'محمد', 'أحمد', 'محمود', 'مصطفى', 'علي', 'عمر', 'عثمان', 'خالد', 'سعد', 'سعيد', 'يوسف', 'إبراهيم', 'إسماعيل',
  'عبد', 'عبدالله', 'عبدالعزيز', 'عبدالرحمن', 'حسن', 'الحسن', 'حسين', 'الحسين', 'كمال', 'جمال', 'فؤاد', 'نبيل',
  'كريم', 'هشام', 'رشيد', 'عزيز', 'أسامة', 'أيمن', 'صدام', 'معمر', 'بشار', 'حافظ', 'سلمان', 'فهد', 'طارق', 'ياسين',
  'جورج', 'جون', 'جيمس', 'ستيفن', 'ستيف', 'ديفيد', 'مايكل', 'دونالد', 'باراك', 'هيلاري', 'جو', 'توني', 'نيكولا',
  'فرانسوا', 'إيمانويل', 'فلاديمير', 'أنجيلا', 'بيل', 'رونالد', 'بيتر', 'بول', 'روبرت', 'ريتشارد', 'وليام', 'جاك',
]

/** Titles that introduce a person's name, or (for ministers) the portfolio that identifies them. */
export const PERSON_TITLES: readonly string[] = [
  'الملك', 'العاهل', 'الرئيس', 'السفير', 'الوزير', 'وزير', 'الأمير', 'الشيخ', 'الجنرال', 'السيد', 'السيدة', 'الدكتور',
]

/** English titles written with a capital that are not names themselves. */
export const ENGLISH_TITLES: readonly string[] = [
  'King', 'Queen', 'President', 'Prime', 'Minister', 'Ambassador', 'Prince', 'Sheikh', 'General', 'Mr', 'Mrs', 'Ms',
  'Dr', 'Secretary', 'Senator', 'Journalist', 'Foreign', 'Interior',
]
