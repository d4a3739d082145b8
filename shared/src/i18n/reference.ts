import { regionNamesIn } from '../reference/regions';
import { defineNamespace } from './messages';

/** Reference data: regions, championship levels and tracks, roles, classifier codes. */
export const reference = defineNamespace({
  en: {
    region: regionNamesIn('en'),
    regionKind: { oblast: 'Region (oblast)', city: 'City of republican significance' },
    level: {
      college: 'Intra-college championship',
      regional: 'Regional championship',
      national: 'National (republican) championship',
      international: 'International championship',
    },
    track: {
      wsk: 'WorldSkills Kazakhstan',
      abilympics: 'Abilympics',
      deafskills: 'Deafskills',
      agroskills: 'AgroSkills',
      teachers: 'Professional skills contest of college teachers',
    },
    role: {
      organiser: 'Organiser',
      chief: 'Chief expert',
      'deputy-chief': 'Deputy chief expert',
      expert: 'Expert',
      independent: 'Independent expert',
      trainee: 'Trainee expert',
      'exam-officer': 'Exam officer',
      spectator: 'Spectator',
    },
    classifier: {
      qualificationLevel: {
        '3W': 'Worker qualification',
        '4S': 'Mid-level specialist',
        '5AB': 'Applied bachelor',
      },
      specialty: {
        non_digit: 'A specialty code has digits only; character {{position}} is not a digit',
        length:
          'A specialty code has 8 digits (2018 classifier) or 7 (older); this one has {{length}}',
        field:
          'An 8-digit specialty code starts with a field of education from 00 to 10, not {{field}}',
        suffix: 'A specialty code ends in {{suffix}}; this looks like a qualification code',
      },
      qualification: {
        non_digit:
          'After the level prefix a qualification code has digits only; character {{position}} is not a digit',
        length:
          'A qualification code is a level prefix and 8 digits (4S06130105) or 7 digits (older codes); this one has {{length}}',
        level:
          'Unknown qualification level {{prefix}}: use 3W (worker), 4S (mid-level specialist) or 5AB (applied bachelor)',
        missing_level:
          'An 8-digit qualification code starts with its level: 3W, 4S or 5AB (e.g. 4S06130105)',
        field:
          'The digits of a qualification code start with a field of education from 00 to 10, not {{field}}',
        serial:
          'The last two digits of a qualification code are its number, 01 to 99; 00 marks a specialty',
        specialty_code: 'This is a specialty code (it ends in 00 or 000), not a qualification code',
      },
      membership: {
        edition_mismatch:
          'The specialty and qualification codes come from different classifiers (8-digit of 2018 and the older 7-digit); use codes of one classifier',
        specialty_mismatch:
          'This qualification belongs to specialty {{specialty}}, not to the one selected',
      },
    },
  },
  ru: {
    region: regionNamesIn('ru'),
    regionKind: { oblast: 'Область', city: 'Город республиканского значения' },
    level: {
      college: 'Внутриколледжный чемпионат',
      regional: 'Региональный чемпионат',
      national: 'Республиканский чемпионат',
      international: 'Международный чемпионат',
    },
    track: {
      wsk: 'WorldSkills Kazakhstan',
      abilympics: 'Абилимпикс',
      deafskills: 'Deafskills',
      agroskills: 'AgroSkills',
      teachers: 'Конкурс профессионального мастерства среди педагогов колледжей',
    },
    role: {
      organiser: 'Организатор',
      chief: 'Главный эксперт',
      'deputy-chief': 'Заместитель главного эксперта',
      expert: 'Эксперт',
      independent: 'Независимый эксперт',
      trainee: 'Эксперт-стажёр',
      'exam-officer': 'Ответственный за демоэкзамен',
      spectator: 'Зритель',
    },
    classifier: {
      qualificationLevel: {
        '3W': 'Рабочая квалификация',
        '4S': 'Специалист среднего звена',
        '5AB': 'Прикладной бакалавр',
      },
      specialty: {
        non_digit: 'Код специальности состоит только из цифр; символ {{position}} — не цифра',
        length:
          'В коде специальности 8 цифр (классификатор 2018 года) или 7 (прежний); здесь цифр: {{length}}',
        field:
          '8-значный код специальности начинается с области образования от 00 до 10, а не {{field}}',
        suffix: 'Код специальности оканчивается на {{suffix}}; похоже, это код квалификации',
      },
      qualification: {
        non_digit:
          'В коде квалификации после префикса уровня идут только цифры; символ {{position}} — не цифра',
        length:
          'Код квалификации — префикс уровня и 8 цифр (4S06130105) или 7 цифр (прежние коды); здесь цифр: {{length}}',
        level:
          'Неизвестный уровень квалификации {{prefix}}: допустимы 3W (рабочая квалификация), 4S (специалист среднего звена), 5AB (прикладной бакалавр)',
        missing_level:
          '8-значный код квалификации начинается с уровня: 3W, 4S или 5AB (например, 4S06130105)',
        field:
          'Цифры кода квалификации начинаются с области образования от 00 до 10, а не {{field}}',
        serial:
          'Последние две цифры кода квалификации — её номер от 01 до 99; 00 означает специальность',
        specialty_code: 'Это код специальности (оканчивается на 00 или 000), а не квалификации',
      },
      membership: {
        edition_mismatch:
          'Коды специальности и квалификации взяты из разных классификаторов (8-значный 2018 года и прежний 7-значный); укажите коды одного классификатора',
        specialty_mismatch:
          'Эта квалификация относится к специальности {{specialty}}, а не к выбранной',
      },
    },
  },
  kk: {
    region: regionNamesIn('kk'),
    regionKind: { oblast: 'Облыс', city: 'Республикалық маңызы бар қала' },
    level: {
      college: 'Колледжішілік чемпионат',
      regional: 'Өңірлік чемпионат',
      national: 'Республикалық чемпионат',
      international: 'Халықаралық чемпионат',
    },
    track: {
      wsk: 'WorldSkills Kazakhstan',
      abilympics: 'Абилимпикс',
      deafskills: 'Deafskills',
      agroskills: 'AgroSkills',
      teachers: 'Колледж педагогтері арасындағы кәсіби шеберлік байқауы',
    },
    role: {
      organiser: 'Ұйымдастырушы',
      chief: 'Бас сарапшы',
      'deputy-chief': 'Бас сарапшының орынбасары',
      expert: 'Сарапшы',
      independent: 'Тәуелсіз сарапшы',
      trainee: 'Тағылымдамадағы сарапшы',
      'exam-officer': 'Демоемтиханға жауапты',
      spectator: 'Көрермен',
    },
    classifier: {
      qualificationLevel: {
        '3W': 'Жұмысшы біліктілігі',
        '4S': 'Орта буын маманы',
        '5AB': 'Қолданбалы бакалавр',
      },
      specialty: {
        non_digit: 'Мамандық коды тек цифрлардан тұрады; {{position}}-таңба цифр емес',
        length:
          'Мамандық кодында 8 цифр (2018 жылғы сыныптауыш) немесе 7 цифр (бұрынғы) болады; мұнда цифр саны: {{length}}',
        field:
          '8 таңбалы мамандық коды 00-ден 10-ға дейінгі білім беру саласынан басталады, {{field}} емес',
        suffix: 'Мамандық коды {{suffix}} деп аяқталады; бұл біліктілік коды сияқты',
      },
      qualification: {
        non_digit:
          'Біліктілік кодында деңгей префиксінен кейін тек цифрлар болады; {{position}}-таңба цифр емес',
        length:
          'Біліктілік коды — деңгей префиксі және 8 цифр (4S06130105) немесе 7 цифр (бұрынғы кодтар); мұнда цифр саны: {{length}}',
        level:
          'Белгісіз біліктілік деңгейі {{prefix}}: 3W (жұмысшы біліктілігі), 4S (орта буын маманы) немесе 5AB (қолданбалы бакалавр) болуы керек',
        missing_level:
          '8 таңбалы біліктілік кодының алдында деңгейі тұрады: 3W, 4S немесе 5AB (мысалы, 4S06130105)',
        field:
          'Біліктілік кодының цифрлары 00-ден 10-ға дейінгі білім беру саласынан басталады, {{field}} емес',
        serial:
          'Біліктілік кодының соңғы екі цифры — оның нөмірі, 01-ден 99-ға дейін; 00 мамандықты білдіреді',
        specialty_code: 'Бұл біліктілік коды емес, мамандық коды (00 немесе 000 деп аяқталады)',
      },
      membership: {
        edition_mismatch:
          'Мамандық пен біліктілік кодтары әртүрлі сыныптауыштан алынған (2018 жылғы 8 таңбалы және бұрынғы 7 таңбалы); бір сыныптауыштың кодтарын көрсетіңіз',
        specialty_mismatch:
          'Бұл біліктілік таңдалған мамандыққа емес, {{specialty}} мамандығына жатады',
      },
    },
  },
});
