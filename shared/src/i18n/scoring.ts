import { defineNamespace } from './messages';

/**
 * The scoring engine's words: rules profiles and their settings, scales, medals, competitor
 * statuses, and a message for every reason code (`reason.<code>`, see scoring/reasons.ts).
 */
export const scoring = defineNamespace({
  en: {
    profile: {
      'wsi-cis@2024': {
        name: 'WorldSkills international rules (CIS), 2024',
        description: 'Totals on the WorldSkills 700 scale; medallion for excellence from 700.',
      },
      'wsk-championship@2024': {
        name: 'WorldSkills Kazakhstan championship, 2024',
        description: 'Ranking by raw totals; medallion for excellence from 70 % of the maximum.',
      },
      'kz-demo-exam@2022': {
        name: 'Demonstration exam (Kazakhstan), 2022',
        description: 'Grade on the Kazakh letter scale; pass from 50 % of the maximum; no medals.',
      },
    },
    setting: {
      judgesPerAspect: 'Judges per judgement aspect',
      discrepancyThreshold: "Allowed difference between judges' scores",
      judgementFormula: 'Judgement mark formula',
      rounding: 'Rounding of totals',
      medals: 'Medals',
      minField: 'Minimum number of competitors for medals',
      medallion: 'Medallion for excellence',
      scale: 'Score scale',
      compatriotKey: 'Compatriot rule',
      publicationDefault: 'Publication of results by default',
      gradeScale: 'Grade scale',
      passThreshold: 'Pass threshold, % of the maximum',
      teams: 'Team standings (medal points)',
      tieBreaks: 'Tie-break order',
      unverified: 'Unverified rule: taken from secondary sources and kept as a setting',
    },
    formula: {
      'max-mean-over-3': "Max mark × mean of the judges' scores ÷ 3",
    },
    rounding: { 'half-up': 'To {{digits}} decimals, half up' },
    scale: {
      none: 'Raw totals',
      ws700: 'WorldSkills scale (centre 700)',
      legacy500: 'Legacy WorldSkills scale (centre 500)',
    },
    scaleFormula: {
      ws700: '700 + 30 × (x − median) / (1.4826 × MAD)',
      legacy500: '500 + 20 × (x − mean) / sd',
    },
    scaleDegenerate: 'Everyone gets the centre of the scale: the totals do not spread',
    medallionBasis: {
      scaled: 'by scaled score',
      percent: 'by percent of the maximum',
    },
    medal: {
      gold: 'Gold',
      silver: 'Silver',
      bronze: 'Bronze',
      medallion: 'Medallion for excellence',
    },
    status: {
      active: 'Competing',
      absent: 'Absent',
      withdrawn: 'Withdrawn',
      guest: 'Guest (outside the ranking)',
    },
    delegation: {
      country: 'Country',
      region: 'Region',
      college: 'College',
      group: 'Training group or mentor',
    },
    discrepancy: {
      open: 'Discrepancy: re-score or resolve',
      resolved: 'Discrepancy resolved by the chief expert',
    },
    reason: {
      unknown_aspect: 'Aspect {{aspect}} is not in the marking scheme',
      value_kind_mismatch:
        'This mark does not fit aspect {{aspect}}: it takes another kind of value',
      choice_option_unknown:
        'Aspect {{aspect}} has {{options}} options; option {{option}} does not exist',
      unknown_competitor: 'Competitor {{competitor}} is not registered in this competition',
      competitor_exists: 'Competitor {{competitor}} is already registered with other details',
      registration_closed:
        'Registration is closed: sub-criterion {{subCriterion}} is already locked',
      panel_full:
        'Aspect {{aspect}} already has the scores of all {{judges}} judges for this competitor',
      mark_id_reused: 'Mark {{mark}} was already recorded with other content',
      mark_not_found: 'Mark {{mark}} does not exist',
      mark_not_current: 'Mark {{mark}} has already been replaced or withdrawn',
      supersede_mismatch:
        'A correction of mark {{mark}} must be for the same competitor, aspect and judge',
      sub_criterion_locked:
        'Sub-criterion {{subCriterion}} is locked; the chief expert must unlock it first',
      unknown_sub_criterion: 'Sub-criterion {{subCriterion}} is not in the marking scheme',
      already_locked: 'Sub-criterion {{subCriterion}} is already locked',
      not_locked: 'Sub-criterion {{subCriterion}} is not locked',
      lock_blocked:
        'Sub-criterion {{subCriterion}} cannot be locked: {{count}} marks are missing or disputed',
      no_open_discrepancy: 'There is no open discrepancy for this competitor on aspect {{aspect}}',
      already_signed_off: 'Expert {{expert}} has already signed off sub-criterion {{subCriterion}}',
      publication_blocked:
        'The results cannot be published yet: {{count}} sub-criteria are not locked or not signed off',
      sign_off_missing: 'Sub-criterion {{subCriterion}} is not signed off by expert {{expert}}',
      results_published:
        'The results are published: nothing can change until the chief expert unlocks a sub-criterion with a reason',
      results_not_final: 'The results are not final: publish them first',
      aspect_unmarked: 'Aspect {{aspect}} is not marked for this competitor',
      discrepancy_open: "{{aspect}}: the judges' scores differ by more than allowed",
      compatriot: 'The expert and the competitor are from the same delegation',
      declared_conflict: 'The expert declared a conflict of interest with this competitor',
      not_on_panel: 'Expert {{expert}} is not on the panel of sub-criterion {{subCriterion}}',
      trainee_on_panel:
        '{{expert}} is a trainee: a trainee scores beside the panel of {{subCriterion}}, never on it',
      trainee_judgement_only:
        'A trainee scores judgement aspects only: {{aspect}} is a measurement, entered by the marking team',
      panel_size:
        'The panel of sub-criterion {{subCriterion}} needs {{min}} to {{max}} experts, not {{count}}',
      unknown_expert: 'Expert {{expert}} is not registered in this competition',
      snapshot_mismatch:
        "The saved state does not match this competition's marking scheme or rules",
      competition_closed: 'This competition is closed: it takes no more marks or changes',
    },
  },
  ru: {
    profile: {
      'wsi-cis@2024': {
        name: 'Международные правила WorldSkills (CIS), 2024',
        description: 'Итоги по шкале WorldSkills (700); медальон за профессионализм от 700.',
      },
      'wsk-championship@2024': {
        name: 'Чемпионат WorldSkills Kazakhstan, 2024',
        description: 'Рейтинг по сумме баллов; медальон за профессионализм от 70 % максимума.',
      },
      'kz-demo-exam@2022': {
        name: 'Демонстрационный экзамен (Казахстан), 2022',
        description: 'Оценка по буквенной шкале РК; экзамен сдан от 50 % максимума; без медалей.',
      },
    },
    setting: {
      judgesPerAspect: 'Судей на судейский аспект',
      discrepancyThreshold: 'Допустимое расхождение оценок судей',
      judgementFormula: 'Формула судейской оценки',
      rounding: 'Округление сумм',
      medals: 'Медали',
      minField: 'Минимальное число участников для медалей',
      medallion: 'Медальон за профессионализм',
      scale: 'Шкала баллов',
      compatriotKey: 'Правило соотечественников',
      publicationDefault: 'Публикация результатов по умолчанию',
      gradeScale: 'Шкала оценок',
      passThreshold: 'Порог сдачи, % от максимума',
      teams: 'Командный зачёт (очки за медали)',
      tieBreaks: 'Порядок разрешения равенства',
      unverified: 'Непроверенное правило: взято из вторичных источников и вынесено в настройку',
    },
    formula: {
      'max-mean-over-3': 'Макс. балл × среднее оценок судей ÷ 3',
    },
    rounding: { 'half-up': 'До {{digits}} знаков, половина вверх' },
    scale: {
      none: 'Сумма баллов без шкалирования',
      ws700: 'Шкала WorldSkills (центр 700)',
      legacy500: 'Прежняя шкала WorldSkills (центр 500)',
    },
    scaleFormula: {
      ws700: '700 + 30 × (x − медиана) / (1,4826 × MAD)',
      legacy500: '500 + 20 × (x − среднее) / СКО',
    },
    scaleDegenerate: 'Всем присвоен центр шкалы: разброса баллов нет',
    medallionBasis: {
      scaled: 'по шкалированному баллу',
      percent: 'по проценту от максимума',
    },
    medal: {
      gold: 'Золото',
      silver: 'Серебро',
      bronze: 'Бронза',
      medallion: 'Медальон за профессионализм',
    },
    status: {
      active: 'Участвует',
      absent: 'Не явился',
      withdrawn: 'Снят с соревнования',
      guest: 'Вне зачёта',
    },
    delegation: {
      country: 'Страна',
      region: 'Регион',
      college: 'Колледж',
      group: 'Учебная группа или наставник',
    },
    discrepancy: {
      open: 'Расхождение: переоценить или решить',
      resolved: 'Расхождение решено главным экспертом',
    },
    reason: {
      unknown_aspect: 'Аспекта {{aspect}} нет в схеме оценки',
      value_kind_mismatch:
        'Оценка не подходит к аспекту {{aspect}}: он принимает значение другого вида',
      choice_option_unknown: 'У аспекта {{aspect}} вариантов: {{options}}; варианта {{option}} нет',
      unknown_competitor: 'Участник {{competitor}} не зарегистрирован в этом соревновании',
      competitor_exists: 'Участник {{competitor}} уже зарегистрирован с другими данными',
      registration_closed: 'Регистрация закрыта: подкритерий {{subCriterion}} уже заблокирован',
      panel_full: 'По аспекту {{aspect}} у этого участника уже есть оценки всех судей ({{judges}})',
      mark_id_reused: 'Оценка {{mark}} уже записана с другим содержанием',
      mark_not_found: 'Оценка {{mark}} не найдена',
      mark_not_current: 'Оценка {{mark}} уже заменена или отозвана',
      supersede_mismatch:
        'Исправление оценки {{mark}} должно относиться к тому же участнику, аспекту и судье',
      sub_criterion_locked:
        'Подкритерий {{subCriterion}} заблокирован; сначала главный эксперт должен его разблокировать',
      unknown_sub_criterion: 'Подкритерия {{subCriterion}} нет в схеме оценки',
      already_locked: 'Подкритерий {{subCriterion}} уже заблокирован',
      not_locked: 'Подкритерий {{subCriterion}} не заблокирован',
      lock_blocked:
        'Подкритерий {{subCriterion}} нельзя заблокировать: недостающих или спорных оценок — {{count}}',
      no_open_discrepancy: 'По аспекту {{aspect}} у этого участника нет открытого расхождения',
      already_signed_off: 'Эксперт {{expert}} уже подписал подкритерий {{subCriterion}}',
      publication_blocked:
        'Результаты пока нельзя опубликовать: не заблокировано или не подписано подкритериев — {{count}}',
      sign_off_missing: 'Подкритерий {{subCriterion}} не подписан экспертом {{expert}}',
      results_published:
        'Результаты опубликованы: изменения невозможны, пока главный эксперт не разблокирует подкритерий с указанием причины',
      results_not_final: 'Результаты не окончательные: сначала опубликуйте их',
      aspect_unmarked: 'Аспект {{aspect}} у этого участника не оценён',
      discrepancy_open: '{{aspect}}: оценки судей расходятся больше допустимого',
      compatriot: 'Эксперт и участник из одной делегации',
      declared_conflict: 'Эксперт заявил о конфликте интересов с этим участником',
      not_on_panel: 'Эксперт {{expert}} не входит в группу оценки подкритерия {{subCriterion}}',
      trainee_on_panel:
        '{{expert}} — стажёр: стажёр оценивает рядом с группой оценки {{subCriterion}}, но не входит в неё',
      trainee_judgement_only:
        'Стажёр оценивает только судейские аспекты: {{aspect}} — измерение, его вносит группа оценки',
      panel_size:
        'В группе оценки подкритерия {{subCriterion}} должно быть от {{min}} до {{max}} экспертов, а не {{count}}',
      unknown_expert: 'Эксперт {{expert}} не зарегистрирован в этом соревновании',
      snapshot_mismatch:
        'Сохранённое состояние не соответствует схеме оценки или правилам этого соревнования',
      competition_closed: 'Соревнование закрыто: баллы и изменения больше не принимаются',
    },
  },
  kk: {
    profile: {
      'wsi-cis@2024': {
        name: 'WorldSkills халықаралық ережелері (CIS), 2024',
        description:
          'Қорытынды WorldSkills шкаласы бойынша (700); кәсібилігі үшін медальон 700-ден бастап.',
      },
      'wsk-championship@2024': {
        name: 'WorldSkills Kazakhstan чемпионаты, 2024',
        description:
          'Рейтинг ұпайлар қосындысы бойынша; кәсібилігі үшін медальон ең жоғары ұпайдың 70 %-ынан бастап.',
      },
      'kz-demo-exam@2022': {
        name: 'Демонстрациялық емтихан (Қазақстан), 2022',
        description:
          'Баға ҚР әріптік шкаласы бойынша; ең жоғары ұпайдың 50 %-ынан бастап емтихан тапсырылды; медальсыз.',
      },
    },
    setting: {
      judgesPerAspect: 'Сараптамалық аспектіге сарапшылар саны',
      discrepancyThreshold: 'Сарапшылар бағаларының рұқсат етілген айырмашылығы',
      judgementFormula: 'Сараптамалық бағалау формуласы',
      rounding: 'Қосындыларды дөңгелектеу',
      medals: 'Медальдар',
      minField: 'Медаль беру үшін қатысушылардың ең аз саны',
      medallion: 'Кәсібилігі үшін медальон',
      scale: 'Ұпай шкаласы',
      compatriotKey: 'Жерлестер ережесі',
      publicationDefault: 'Нәтижелерді жариялау (әдепкі)',
      gradeScale: 'Бағалар шкаласы',
      passThreshold: 'Өту шегі, ең жоғары ұпайдың %-ы',
      teams: 'Командалық есеп (медаль ұпайлары)',
      tieBreaks: 'Тең ұпайды шешу тәртібі',
      unverified: 'Тексерілмеген ереже: қосымша дереккөздерден алынған, баптау ретінде сақталған',
    },
    formula: {
      'max-mean-over-3': 'Ең жоғары балл × сарапшылар бағаларының орташасы ÷ 3',
    },
    rounding: { 'half-up': '{{digits}} таңбаға дейін, жартысы жоғары қарай' },
    scale: {
      none: 'Шкаласыз ұпайлар қосындысы',
      ws700: 'WorldSkills шкаласы (орталығы 700)',
      legacy500: 'WorldSkills бұрынғы шкаласы (орталығы 500)',
    },
    scaleFormula: {
      ws700: '700 + 30 × (x − медиана) / (1,4826 × MAD)',
      legacy500: '500 + 20 × (x − орташа) / стандартты ауытқу',
    },
    scaleDegenerate: 'Барлығына шкала орталығы берілді: ұпайлар шашырамаған',
    medallionBasis: {
      scaled: 'шкалаланған ұпай бойынша',
      percent: 'ең жоғары ұпайдың пайызы бойынша',
    },
    medal: {
      gold: 'Алтын',
      silver: 'Күміс',
      bronze: 'Қола',
      medallion: 'Кәсібилігі үшін медальон',
    },
    status: {
      active: 'Қатысуда',
      absent: 'Келмеді',
      withdrawn: 'Жарыстан шығарылды',
      guest: 'Есептен тыс',
    },
    delegation: {
      country: 'Ел',
      region: 'Өңір',
      college: 'Колледж',
      group: 'Оқу тобы немесе тәлімгер',
    },
    discrepancy: {
      open: 'Алшақтық: қайта бағалау немесе шешу керек',
      resolved: 'Алшақтықты бас сарапшы шешті',
    },
    reason: {
      unknown_aspect: '{{aspect}} аспектісі бағалау схемасында жоқ',
      value_kind_mismatch:
        'Бұл баға {{aspect}} аспектісіне сәйкес келмейді: аспект басқа түрдегі мәнді қабылдайды',
      choice_option_unknown:
        '{{aspect}} аспектісінде {{options}} нұсқа бар; {{option}} нұсқасы жоқ',
      unknown_competitor: '{{competitor}} қатысушысы бұл жарысқа тіркелмеген',
      competitor_exists: '{{competitor}} қатысушысы басқа деректермен тіркеліп қойған',
      registration_closed: 'Тіркеу жабық: {{subCriterion}} ішкі критерийі бұғатталған',
      panel_full:
        '{{aspect}} аспектісі бойынша бұл қатысушыға барлық {{judges}} сарапшының бағасы қойылған',
      mark_id_reused: '{{mark}} бағасы басқа мазмұнмен жазылып қойған',
      mark_not_found: '{{mark}} бағасы табылмады',
      mark_not_current: '{{mark}} бағасы ауыстырылған немесе кері қайтарылған',
      supersede_mismatch:
        '{{mark}} бағасын түзету сол қатысушыға, сол аспектіге және сол сарапшыға қатысты болуы керек',
      sub_criterion_locked:
        '{{subCriterion}} ішкі критерийі бұғатталған; алдымен бас сарапшы оны ашуы керек',
      unknown_sub_criterion: '{{subCriterion}} ішкі критерийі бағалау схемасында жоқ',
      already_locked: '{{subCriterion}} ішкі критерийі бұғатталып қойған',
      not_locked: '{{subCriterion}} ішкі критерийі бұғатталмаған',
      lock_blocked:
        '{{subCriterion}} ішкі критерийін бұғаттау мүмкін емес: жетіспейтін немесе даулы бағалар саны — {{count}}',
      no_open_discrepancy: '{{aspect}} аспектісі бойынша бұл қатысушыда ашық алшақтық жоқ',
      already_signed_off: '{{expert}} сарапшысы {{subCriterion}} ішкі критерийіне қол қойып қойған',
      publication_blocked:
        'Нәтижелерді әлі жариялау мүмкін емес: бұғатталмаған немесе қол қойылмаған ішкі критерийлер саны — {{count}}',
      sign_off_missing: '{{subCriterion}} ішкі критерийіне {{expert}} сарапшысы қол қоймаған',
      results_published:
        'Нәтижелер жарияланды: бас сарапшы ішкі критерийді себебін көрсетіп ашпайынша ештеңе өзгермейді',
      results_not_final: 'Нәтижелер түпкілікті емес: алдымен оларды жариялаңыз',
      aspect_unmarked: '{{aspect}} аспектісі бұл қатысушы үшін бағаланбаған',
      discrepancy_open: '{{aspect}}: сарапшылардың бағалары рұқсат етілгеннен көп алшақ',
      compatriot: 'Сарапшы мен қатысушы бір делегациядан',
      declared_conflict: 'Сарапшы бұл қатысушыға қатысты мүдделер қақтығысын мәлімдеген',
      not_on_panel: '{{expert}} сарапшысы {{subCriterion}} ішкі критерийін бағалау тобына кірмейді',
      trainee_on_panel:
        '{{expert}} — тағылымдамадағы сарапшы: ол {{subCriterion}} бағалау тобының қасында бағалайды, бірақ топқа кірмейді',
      trainee_judgement_only:
        'Тағылымдамадағы сарапшы тек төрешілік аспектілерді бағалайды: {{aspect}} — өлшеу, оны бағалау тобы енгізеді',
      panel_size:
        '{{subCriterion}} ішкі критерийін бағалау тобында {{min}}-ден {{max}}-ге дейін сарапшы болуы керек, {{count}} емес',
      unknown_expert: '{{expert}} сарапшысы бұл жарыста тіркелмеген',
      snapshot_mismatch:
        'Сақталған күй осы жарыстың бағалау схемасына немесе ережелеріне сәйкес келмейді',
      competition_closed: 'Жарыс жабылған: балдар мен өзгерістер енді қабылданбайды',
    },
  },
});
