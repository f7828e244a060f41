/** A place, nationality or organisation that news text names, with its spellings in Arabic and English. */
export interface GazetteerEntry {
  id: string
  kind: 'country' | 'capital' | 'city' | 'region' | 'organisation'
  /** Arabic names (a country's with its article, if it takes one). */
  arabic: readonly string[]
  /** Arabic relation adjectives in the masculine singular (فرنسي), derived from the names by rule; their inflections are matched. */
  adjectives: readonly string[]
  english: readonly string[]
  /** Entries that stand for this one in news usage (a capital for its country), and so support it. */
  sameAs?: readonly string[]
}

// The nisba (relation adjective) of a place name is regular in Modern Standard Arabic: drop the
// article, a final ة or ا (سورية، فرنسا), and add ي unless the stem already ends in one
// (السعودية → سعودي، فرنسا → فرنسي، سوريا → سوري، المغرب → مغربي، الإمارات → إماراتي).
// The few names whose adjective is irregular, or is also a common word, are listed here.
const IRREGULAR_NISBA: Readonly<Record<string, readonly string[]>> = {
  'أفغانستان': ['أفغاني', 'أفغانستاني'],
  'إنجلترا': ['إنجليزي'],
  'النمسا': ['نمساوي'],
  'آسيا': ['آسيوي'],
  'الكونغو': ['كونغولي'],
  'البيرو': ['بيروفي'],
  'كوسوفو': ['كوسوفي'],
  // The broken plural (مغاربة) besides the regular adjective.
  'المغرب': ['مغربي', 'مغاربة'],
  // An adjective that is also an everyday word: روماني "Roman".
  'رومانيا': [],
}

/** The masculine relation adjective of a one-word Arabic place name, by the regular nisba rule (see above). */
export function deriveNisba(name: string): string[] {
  if (Object.hasOwn(IRREGULAR_NISBA, name)) return [...IRREGULAR_NISBA[name]!]
  if (name.includes(' ')) return []
  let stem = name.startsWith('ال') ? name.slice(2) : name
  if (stem.endsWith('ة')) stem = stem.slice(0, -1)
  else if (stem.endsWith('ا')) stem = stem.slice(0, -1)
  return [stem.endsWith('ي') ? stem : `${stem}ي`]
}

// A generic news gazetteer: countries with their capital, regions and organisations. It is world
// knowledge, not knowledge of any article; metonymy (Rabat for Morocco) is common in news prose, so
// capitals and countries support each other. Relation adjectives are derived from the names.
const COUNTRIES: ReadonlyArray<readonly [string, string[], string[], string[], string[]]> = [
  // id, Arabic names, English names and adjectives, Arabic capital, English capital
  ['morocco', ['المغرب', 'المملكة المغربية'], ['Morocco', 'Moroccan', 'Moroccans'], ['الرباط'], ['Rabat']],
  ['usa', ['الولايات المتحدة', 'الولايات المتحدة الأمريكية', 'أمريكا', 'أميركا'], ['United States', 'US', 'U.S.', 'USA', 'America', 'American', 'Americans'], ['واشنطن'], ['Washington']],
  ['saudi-arabia', ['السعودية', 'المملكة العربية السعودية'], ['Saudi Arabia', 'Saudi', 'Saudis'], ['الرياض'], ['Riyadh']],
  ['uae', ['الإمارات', 'الإمارات العربية المتحدة'], ['UAE', 'Emirates', 'Emirati'], ['أبوظبي', 'أبو ظبي'], ['Abu Dhabi']],
  ['egypt', ['مصر'], ['Egypt', 'Egyptian'], ['القاهرة'], ['Cairo']],
  ['algeria', ['الجزائر'], ['Algeria', 'Algerian', 'Algiers'], [], []],
  ['tunisia', ['تونس'], ['Tunisia', 'Tunisian', 'Tunis'], [], []],
  ['libya', ['ليبيا'], ['Libya', 'Libyan'], ['طرابلس'], ['Tripoli']],
  ['mauritania', ['موريتانيا'], ['Mauritania', 'Mauritanian'], ['نواكشوط'], ['Nouakchott']],
  ['sudan', ['السودان'], ['Sudan', 'Sudanese'], ['الخرطوم'], ['Khartoum']],
  ['syria', ['سوريا', 'سورية'], ['Syria', 'Syrian'], ['دمشق'], ['Damascus']],
  ['iraq', ['العراق'], ['Iraq', 'Iraqi'], ['بغداد'], ['Baghdad']],
  ['lebanon', ['لبنان'], ['Lebanon', 'Lebanese'], ['بيروت'], ['Beirut']],
  ['jordan', ['الأردن'], ['Jordan', 'Jordanian'], [], ['Amman']],
  ['palestine', ['فلسطين'], ['Palestine', 'Palestinian'], ['القدس'], ['Jerusalem']],
  ['israel', ['إسرائيل'], ['Israel', 'Israeli'], ['تل أبيب'], ['Tel Aviv']],
  ['yemen', ['اليمن'], ['Yemen', 'Yemeni'], ['صنعاء'], ['Sanaa']],
  ['oman', ['عمان', 'سلطنة عمان'], ['Oman', 'Omani'], ['مسقط'], ['Muscat']],
  ['kuwait', ['الكويت'], ['Kuwait', 'Kuwaiti'], [], []],
  ['qatar', ['قطر'], ['Qatar', 'Qatari'], ['الدوحة'], ['Doha']],
  ['bahrain', ['البحرين'], ['Bahrain', 'Bahraini'], ['المنامة'], ['Manama']],
  ['iran', ['إيران'], ['Iran', 'Iranian'], ['طهران'], ['Tehran']],
  ['turkey', ['تركيا'], ['Turkey', 'Turkish'], ['أنقرة'], ['Ankara']],
  ['afghanistan', ['أفغانستان'], ['Afghanistan', 'Afghan'], ['كابول'], ['Kabul']],
  ['pakistan', ['باكستان'], ['Pakistan', 'Pakistani'], ['إسلام أباد'], ['Islamabad']],
  ['india', ['الهند'], ['India', 'Indian'], ['نيودلهي'], ['New Delhi']],
  ['china', ['الصين'], ['China', 'Chinese'], ['بكين'], ['Beijing']],
  ['japan', ['اليابان'], ['Japan', 'Japanese'], ['طوكيو'], ['Tokyo']],
  ['russia', ['روسيا'], ['Russia', 'Russian'], ['موسكو'], ['Moscow']],
  ['france', ['فرنسا'], ['France', 'French'], ['باريس'], ['Paris']],
  ['belgium', ['بلجيكا'], ['Belgium', 'Belgian'], ['بروكسل'], ['Brussels']],
  ['united-kingdom', ['بريطانيا', 'المملكة المتحدة', 'إنجلترا'], ['Britain', 'British', 'United Kingdom', 'UK', 'England', 'English'], ['لندن'], ['London']],
  ['germany', ['ألمانيا'], ['Germany', 'German'], ['برلين'], ['Berlin']],
  ['spain', ['إسبانيا'], ['Spain', 'Spanish'], ['مدريد'], ['Madrid']],
  ['italy', ['إيطاليا'], ['Italy', 'Italian'], ['روما'], ['Rome']],
  ['netherlands', ['هولندا'], ['Netherlands', 'Dutch'], ['أمستردام'], ['Amsterdam']],
  ['canada', ['كندا'], ['Canada', 'Canadian'], ['أوتاوا'], ['Ottawa']],
  ['nigeria', ['نيجيريا'], ['Nigeria', 'Nigerian'], ['أبوجا'], ['Abuja']],
  ['niger', ['النيجر'], ['Niger'], ['نيامي'], ['Niamey']],
  ['somalia', ['الصومال'], ['Somalia', 'Somali'], ['مقديشو'], ['Mogadishu']],
  ['ethiopia', ['إثيوبيا'], ['Ethiopia', 'Ethiopian'], ['أديس أبابا'], ['Addis Ababa']],
  ['senegal', ['السنغال'], ['Senegal', 'Senegalese'], ['داكار'], ['Dakar']],
  ['chad', ['تشاد'], ['Chad', 'Chadian'], ['نجامينا'], ['Ndjamena']],
  ['indonesia', ['إندونيسيا'], ['Indonesia', 'Indonesian'], ['جاكرتا'], ['Jakarta']],
  ['australia', ['أستراليا'], ['Australia', 'Australian'], ['كانبرا'], ['Canberra']],
  ['brazil', ['البرازيل'], ['Brazil', 'Brazilian'], ['برازيليا'], ['Brasilia']],
  ['kenya', ['كينيا'], ['Kenya', 'Kenyan'], ['نيروبي'], ['Nairobi']],
  ['argentina', ['الأرجنتين'], ['Argentina', 'Argentine', 'Argentinian'], ['بوينس آيرس'], ['Buenos Aires']],
  ['mexico', ['المكسيك'], ['Mexico', 'Mexican'], ['مكسيكو'], ['Mexico City']],
  ['sweden', ['السويد'], ['Sweden', 'Swedish'], ['ستوكهولم'], ['Stockholm']],
  ['norway', ['النرويج'], ['Norway', 'Norwegian'], ['أوسلو'], ['Oslo']],
  ['denmark', ['الدنمارك'], ['Denmark', 'Danish'], ['كوبنهاغن'], ['Copenhagen']],
  ['finland', ['فنلندا'], ['Finland', 'Finnish'], ['هلسنكي'], ['Helsinki']],
  ['iceland', ['آيسلندا', 'أيسلندا'], ['Iceland', 'Icelandic'], ['ريكيافيك'], ['Reykjavik']],
  ['ireland', ['أيرلندا', 'إيرلندا'], ['Ireland', 'Irish'], ['دبلن'], ['Dublin']],
  ['portugal', ['البرتغال'], ['Portugal', 'Portuguese'], ['لشبونة'], ['Lisbon']],
  ['switzerland', ['سويسرا'], ['Switzerland', 'Swiss'], ['برن'], ['Bern']],
  ['austria', ['النمسا'], ['Austria', 'Austrian'], ['فيينا'], ['Vienna']],
  ['greece', ['اليونان'], ['Greece', 'Greek'], ['أثينا'], ['Athens']],
  ['poland', ['بولندا'], ['Poland', 'Polish'], ['وارسو'], ['Warsaw']],
  ['czechia', ['التشيك'], ['Czech Republic', 'Czechia', 'Czech'], ['براغ'], ['Prague']],
  ['hungary', ['المجر'], ['Hungary', 'Hungarian'], ['بودابست'], ['Budapest']],
  ['romania', ['رومانيا'], ['Romania', 'Romanian'], ['بوخارست'], ['Bucharest']],
  ['bulgaria', ['بلغاريا'], ['Bulgaria', 'Bulgarian'], [], []],
  ['serbia', ['صربيا'], ['Serbia', 'Serbian'], ['بلغراد'], ['Belgrade']],
  ['croatia', ['كرواتيا'], ['Croatia', 'Croatian'], ['زغرب'], ['Zagreb']],
  ['albania', ['ألبانيا'], ['Albania', 'Albanian'], ['تيرانا'], ['Tirana']],
  ['bosnia', ['البوسنة', 'البوسنة والهرسك'], ['Bosnia', 'Bosnian'], ['سراييفو'], ['Sarajevo']],
  ['ukraine', ['أوكرانيا'], ['Ukraine', 'Ukrainian'], ['كييف'], ['Kyiv', 'Kiev']],
  ['georgia', ['جورجيا'], ['Georgia', 'Georgian'], ['تبليسي'], ['Tbilisi']],
  ['armenia', ['أرمينيا'], ['Armenia', 'Armenian'], ['يريفان'], ['Yerevan']],
  ['azerbaijan', ['أذربيجان'], ['Azerbaijan', 'Azerbaijani'], ['باكو'], ['Baku']],
  ['kazakhstan', ['كازاخستان'], ['Kazakhstan', 'Kazakh'], ['أستانا'], ['Astana']],
  ['uzbekistan', ['أوزبكستان'], ['Uzbekistan', 'Uzbek'], ['طشقند'], ['Tashkent']],
  ['mongolia', ['منغوليا'], ['Mongolia', 'Mongolian'], [], []],
  ['south-korea', ['كوريا الجنوبية'], ['South Korea', 'Korean'], ['سول', 'سيول'], ['Seoul']],
  ['north-korea', ['كوريا الشمالية'], ['North Korea'], ['بيونغ يانغ'], ['Pyongyang']],
  ['vietnam', ['فيتنام'], ['Vietnam', 'Vietnamese'], ['هانوي'], ['Hanoi']],
  ['thailand', ['تايلاند'], ['Thailand', 'Thai'], ['بانكوك'], ['Bangkok']],
  ['malaysia', ['ماليزيا'], ['Malaysia', 'Malaysian'], ['كوالالمبور'], ['Kuala Lumpur']],
  ['singapore', ['سنغافورة'], ['Singapore', 'Singaporean'], [], []],
  ['philippines', ['الفلبين'], ['Philippines', 'Filipino'], ['مانيلا'], ['Manila']],
  ['bangladesh', ['بنغلاديش'], ['Bangladesh', 'Bangladeshi'], ['دكا'], ['Dhaka']],
  ['sri-lanka', ['سريلانكا'], ['Sri Lanka', 'Sri Lankan'], [], []],
  ['new-zealand', ['نيوزيلندا'], ['New Zealand'], ['ويلينغتون'], ['Wellington']],
  ['south-africa', ['جنوب أفريقيا', 'جنوب إفريقيا'], ['South Africa', 'South African'], ['بريتوريا'], ['Pretoria']],
  ['ghana', ['غانا'], ['Ghana', 'Ghanaian'], ['أكرا'], ['Accra']],
  ['cameroon', ['الكاميرون'], ['Cameroon', 'Cameroonian'], ['ياوندي'], ['Yaounde']],
  // Mali is left out: مالي is far more often the adjective "financial".
  ['tanzania', ['تنزانيا'], ['Tanzania', 'Tanzanian'], [], []],
  ['uganda', ['أوغندا'], ['Uganda', 'Ugandan'], ['كمبالا'], ['Kampala']],
  ['rwanda', ['رواندا'], ['Rwanda', 'Rwandan'], ['كيغالي'], ['Kigali']],
  ['congo', ['الكونغو'], ['Congo', 'Congolese'], ['كينشاسا'], ['Kinshasa']],
  ['angola', ['أنغولا'], ['Angola', 'Angolan'], ['لواندا'], ['Luanda']],
  ['zimbabwe', ['زيمبابوي'], ['Zimbabwe', 'Zimbabwean'], ['هراري'], ['Harare']],
  ['eritrea', ['إريتريا'], ['Eritrea', 'Eritrean'], ['أسمرة'], ['Asmara']],
  ['djibouti', ['جيبوتي'], ['Djibouti'], [], []],
  ['colombia', ['كولومبيا'], ['Colombia', 'Colombian'], ['بوغوتا'], ['Bogota']],
  ['venezuela', ['فنزويلا'], ['Venezuela', 'Venezuelan'], ['كاراكاس'], ['Caracas']],
  ['peru', ['البيرو', 'بيرو'], ['Peru', 'Peruvian'], ['ليما'], ['Lima']],
  ['chile', ['تشيلي'], ['Chile', 'Chilean'], ['سانتياغو'], ['Santiago']],
  ['cuba', ['كوبا'], ['Cuba', 'Cuban'], ['هافانا'], ['Havana']],
  ['cyprus', ['قبرص'], ['Cyprus', 'Cypriot'], ['نيقوسيا'], ['Nicosia']],
  ['malta', ['مالطا'], ['Malta', 'Maltese'], ['فاليتا'], ['Valletta']],
  ['luxembourg', ['لوكسمبورغ'], ['Luxembourg'], [], []],
]

const CITIES: ReadonlyArray<readonly [string, string[], string[]]> = [
  ['casablanca', ['الدار البيضاء'], ['Casablanca']],
  ['marrakesh', ['مراكش'], ['Marrakesh', 'Marrakech']],
  ['fez', ['فاس'], ['Fez', 'Fes']],
  ['tangier', ['طنجة'], ['Tangier', 'Tangiers']],
  ['abbottabad', ['أبوتاباد', 'أبوت آباد', 'أبت آباد'], ['Abbottabad']],
  ['jeddah', ['جدة'], ['Jeddah', 'Jidda']],
  ['mecca', ['مكة'], ['Mecca', 'Makkah']],
  ['medina', ['المدينة المنورة'], ['Medina']],
  ['dubai', ['دبي'], ['Dubai']],
  ['alexandria', ['الإسكندرية'], ['Alexandria']],
  ['basra', ['البصرة'], ['Basra']],
  ['mosul', ['الموصل'], ['Mosul']],
  ['aleppo', ['حلب'], ['Aleppo']],
  ['raqqa', ['الرقة'], ['Raqqa']],
  ['benghazi', ['بنغازي'], ['Benghazi']],
  ['istanbul', ['إسطنبول', 'اسطنبول'], ['Istanbul']],
  ['gaza', ['غزة'], ['Gaza']],
  ['new-york', ['نيويورك'], ['New York']],
  ['geneva', ['جنيف'], ['Geneva']],
  ['zurich', ['زيورخ'], ['Zurich']],
  ['shanghai', ['شنغهاي', 'شانغهاي'], ['Shanghai']],
  ['johannesburg', ['جوهانسبرغ'], ['Johannesburg']],
  ['bangalore', ['بنغالور'], ['Bangalore', 'Bengaluru']],
  ['frankfurt', ['فرانكفورت'], ['Frankfurt']],
]

const REGIONS: ReadonlyArray<readonly [string, string[], string[]]> = [
  ['africa', ['أفريقيا', 'إفريقيا'], ['Africa', 'African']],
  ['asia', ['آسيا'], ['Asia', 'Asian']],
  ['europe', ['أوروبا', 'أوربا'], ['Europe', 'European']],
  ['latin-america', ['أمريكا اللاتينية', 'أميركا اللاتينية'], ['Latin America']],
  ['middle-east', ['الشرق الأوسط'], ['Middle East']],
  ['gulf', ['الخليج', 'الخليج العربي'], ['Gulf', 'Persian Gulf', 'Arabian Gulf']],
  ['maghreb', ['المغرب العربي', 'المغرب الكبير'], ['Maghreb']],
  ['sahel', ['الساحل والصحراء', 'الساحل الأفريقي'], ['Sahel']],
  ['mediterranean', ['البحر المتوسط', 'الأبيض المتوسط', 'البحر الأبيض المتوسط'], ['Mediterranean']],
  ['balkans', ['البلقان'], ['Balkans']],
  ['scandinavia', ['إسكندنافيا'], ['Scandinavia', 'Scandinavian']],
]

const ORGANISATIONS: ReadonlyArray<readonly [string, string[], string[]]> = [
  ['united-nations', ['الأمم المتحدة'], ['United Nations', 'UN']],
  ['security-council', ['مجلس الأمن', 'مجلس الأمن الدولي'], ['Security Council']],
  ['general-assembly', ['الجمعية العامة'], ['General Assembly']],
  ['arab-league', ['الجامعة العربية', 'جامعة الدول العربية'], ['Arab League', 'League of Arab States']],
  ['nato', ['الناتو', 'حلف الناتو', 'حلف شمال الأطلسي', 'الأطلسي'], ['NATO']],
  ['european-union', ['الاتحاد الأوروبي'], ['European Union', 'EU']],
  ['african-union', ['الاتحاد الأفريقي', 'الاتحاد الإفريقي'], ['African Union']],
  ['gulf-cooperation-council', ['مجلس التعاون الخليجي', 'مجلس التعاون لدول الخليج'], ['GCC', 'Gulf Cooperation Council']],
  ['oic', ['منظمة التعاون الإسلامي', 'منظمة المؤتمر الإسلامي'], ['OIC', 'Organisation of Islamic Cooperation']],
  ['who', ['منظمة الصحة العالمية'], ['WHO', 'World Health Organization']],
  ['unesco', ['اليونسكو', 'منظمة اليونسكو'], ['UNESCO']],
  ['unicef', ['اليونيسف'], ['UNICEF']],
  ['wto', ['منظمة التجارة العالمية'], ['WTO', 'World Trade Organization']],
  ['opec', ['أوبك', 'منظمة أوبك'], ['OPEC']],
  ['g20', ['مجموعة العشرين'], ['G20']],
  ['g7', ['مجموعة السبع'], ['G7']],
  ['brics', ['بريكس', 'مجموعة بريكس'], ['BRICS']],
  ['icc', ['المحكمة الجنائية الدولية'], ['International Criminal Court', 'ICC']],
  ['icj', ['محكمة العدل الدولية'], ['International Court of Justice', 'ICJ']],
  ['fifa', ['الفيفا', 'الاتحاد الدولي لكرة القدم'], ['FIFA']],
  ['ioc', ['اللجنة الأولمبية الدولية', 'اللجنة الدولية الأولمبية'], ['IOC', 'International Olympic Committee']],
  ['ecb', ['البنك المركزي الأوروبي'], ['ECB', 'European Central Bank']],
  ['federal-reserve', ['الاحتياطي الفيدرالي', 'مجلس الاحتياطي الفيدرالي'], ['Federal Reserve', 'Fed']],
  ['al-qaeda', ['القاعدة', 'تنظيم القاعدة'], ['Al-Qaeda', 'Qaeda', 'Qaida']],
  ['isis', ['داعش', 'تنظيم الدولة', 'الدولة الإسلامية'], ['ISIS', 'ISIL', 'Daesh', 'Islamic State']],
  ['taliban', ['طالبان'], ['Taliban']],
  ['hezbollah', ['حزب الله'], ['Hezbollah', 'Hizbollah']],
  ['hamas', ['حماس'], ['Hamas']],
  ['boko-haram', ['بوكو حرام'], ['Boko Haram']],
  ['muslim-brotherhood', ['الإخوان المسلمين', 'الإخوان المسلمون'], ['Muslim Brotherhood']],
  ['nasa', ['ناسا'], ['NASA']],
  ['esa', ['وكالة الفضاء الأوروبية'], ['ESA', 'European Space Agency']],
  ['pentagon', ['البنتاغون', 'البنتاجون'], ['Pentagon']],
  ['white-house', ['البيت الأبيض'], ['White House']],
  ['minurso', ['المينورسو'], ['MINURSO']],
  ['imf', ['صندوق النقد الدولي'], ['IMF', 'International Monetary Fund']],
  ['world-bank', ['البنك الدولي'], ['World Bank']],
]

// Adjectives of organisations that are words of their own (داعشي), listed with them.
const ORGANISATION_ADJECTIVES: Readonly<Record<string, readonly string[]>> = { 'united-nations': ['أممي'], isis: ['داعشي'] }

function adjectivesOf(names: readonly string[]): string[] {
  return [...new Set(names.flatMap(deriveNisba))]
}

function buildGazetteer(): GazetteerEntry[] {
  const entries: GazetteerEntry[] = []
  for (const [id, arabic, english, arabicCapital, englishCapital] of COUNTRIES) {
    const hasCapital = arabicCapital.length > 0 || englishCapital.length > 0
    entries.push({ id, kind: 'country', arabic, adjectives: adjectivesOf(arabic), english, ...(hasCapital ? { sameAs: [`${id}:capital`] } : {}) })
    if (hasCapital) entries.push({ id: `${id}:capital`, kind: 'capital', arabic: arabicCapital, adjectives: [], english: englishCapital, sameAs: [id] })
  }
  for (const [id, arabic, english] of CITIES) entries.push({ id, kind: 'city', arabic, adjectives: [], english })
  for (const [id, arabic, english] of REGIONS) entries.push({ id, kind: 'region', arabic, adjectives: adjectivesOf(arabic), english })
  for (const [id, arabic, english] of ORGANISATIONS) entries.push({ id, kind: 'organisation', arabic, adjectives: ORGANISATION_ADJECTIVES[id] ?? [], english })
  return entries
}

// Kinds of entry that can stand for one another in a swap (a country for a country, a city for a city; a capital is both).
const RIVAL_CLASSES: Record<GazetteerEntry['kind'], readonly string[]> = {
  country: ['state'],
  capital: ['state', 'city'],
  city: ['city'],
  region: ['region'],
  organisation: ['organisation'],
}

/** Whether an entry of one kind could be named where an entry of the other was (بلجيكا for فرنسا, الرباط for الدار البيضاء). */
export function areRivalKinds(first: GazetteerEntry['kind'], second: GazetteerEntry['kind']): boolean {
  return RIVAL_CLASSES[first].some((value) => RIVAL_CLASSES[second].includes(value))
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

/** Titles that introduce a person's name (or, in construct, the portfolio that identifies them: وزير الاتصال), masculine and feminine. */
export const PERSON_TITLES: readonly string[] = [
  'الملك', 'الملكة', 'العاهل', 'الرئيس', 'الرئيسة', 'رئيس', 'رئيسة', 'السفير', 'السفيرة', 'الوزير', 'الوزيرة', 'وزير', 'وزيرة',
  'الأمير', 'الأميرة', 'الشيخ', 'الشيخة', 'الجنرال', 'السيد', 'السيدة', 'الدكتور', 'الدكتورة', 'المخرج', 'المخرجة', 'الممثل',
  'الممثلة', 'الكاتب', 'الكاتبة', 'الصحفي', 'الصحفية', 'اللاعب', 'اللاعبة', 'المدرب', 'المغني', 'المغنية', 'الشاعر', 'الشاعرة',
  'الفنان', 'الفنانة', 'المستشار', 'المستشارة', 'المتحدث', 'المتحدثة', 'مدير', 'مديرة', 'المدير', 'المديرة', 'أمين', 'الأمين',
  'النائب', 'النائبة', 'السلطان', 'الزعيم', 'القائد', 'المندوب', 'المندوبة', 'الإمام', 'البابا', 'المشير', 'العقيد', 'اللواء',
]

/** English titles written with a capital that are not names themselves. */
export const ENGLISH_TITLES: readonly string[] = [
  'King', 'Queen', 'President', 'Prime', 'Minister', 'Ambassador', 'Prince', 'Sheikh', 'General', 'Mr', 'Mrs', 'Ms',
  'Dr', 'Secretary', 'Senator', 'Journalist', 'Foreign', 'Interior',
]
