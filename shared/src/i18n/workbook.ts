import { defineNamespace } from './messages';

/**
 * Messages of the CIS workbook import and export (server/src/cis) and the scheme report (CLI,
 * organiser screens). `error.*` refuse a workbook, `warning.*` let it import; the location
 * (sheet, cell) travels beside the message, so the texts do not repeat it.
 */
export const workbook = defineNamespace({
  en: {
    error: {
      not_xlsx: 'The file is not an Excel workbook (.xlsx)',
      unreadable_workbook: 'The workbook cannot be read: {{detail}}',
      sheet_missing: 'The workbook has no sheet "{{sheet}}" (its sheets: {{found}})',
      title_missing:
        'Expected the skill number and name here, e.g. "39 IT Network Systems Administration"',
      criteria_header_missing:
        'No criteria block: expected a header row with "ID" in A and "Name" in B',
      no_criteria: 'The criteria block lists no criteria',
      duplicate_criterion: 'Criterion {{criterion}} appears twice in the criteria block',
      criterion_mark_invalid:
        'The mark of criterion {{criterion}} must be a number of at least 0; found "{{found}}"',
      duplicate_section: 'Section {{section}} appears twice in the sections block',
      section_weight_invalid:
        'The weight of section {{section}} must be a number of at least 0; found "{{found}}"',
      no_marking_blocks:
        'No marking block: expected a header row whose A cell starts with "Sub Criterion ID"',
      block_criterion_unknown:
        'This marking block belongs to criterion {{criterion}}, which is not in the criteria block',
      sub_criterion_id_invalid: 'Expected a sub-criterion ID such as A1; found "{{found}}"',
      sub_criterion_outside_block:
        'Sub-criterion {{id}} is in the marking block of criterion {{criterion}}',
      duplicate_sub_criterion: 'Sub-criterion {{id}} appears twice (first in row {{row}})',
      day_invalid:
        'The day of marking of {{id}} must be a whole number or C-1, C1, C2...; found "{{found}}"',
      aspect_before_sub_criterion: 'An aspect comes before any sub-criterion row of this block',
      aspect_type_invalid:
        'Expected the aspect type M or J (O or S in older workbooks); found "{{found}}"',
      aspect_type_missing: 'This row has an aspect description but no aspect type (M or J)',
      aspect_description_missing: 'Aspect {{aspect}} has no description',
      duplicate_aspect: 'Aspect {{aspect}} appears twice',
      max_mark_invalid:
        'The max mark of aspect {{aspect}} must be a number greater than 0; found "{{found}}"',
      max_mark_missing: 'Aspect {{aspect}} has no max mark',
      judgement_descriptors_missing:
        'Judgement aspect {{aspect}} needs four rows below it with the scores 0, 1, 2, 3 and their descriptors; expected score {{score}} here',
      descriptor_without_judgement:
        'A judgement score row that does not follow a judgement (J) aspect',
      section_column_missing:
        'The marking block has no standards section column and the scheme has {{count}} sections, so the aspects cannot be placed',
      aspect_section_missing: 'Aspect {{aspect}} has no standards section',
      section_unknown:
        'Aspect {{aspect}} refers to section "{{section}}", which is not in the sections block',
      unreadable_cell: 'The cell cannot be read: {{detail}}',
      calculation_invalid: 'Calculation "{{name}}" cannot be read: {{detail}}',
      calculation_duplicate: 'Calculation "{{name}}" is defined twice with different parameters',
      criterion_total_mismatch:
        'Criterion {{criterion}}: the criteria block says {{maxMark}}, its aspects add up to {{aspectTotal}}',
      scheme_invalid: 'The scheme is not valid at {{path}}: {{detail}}',
      calculation_unrepresentable:
        'The calculation of aspect {{aspect}} cannot be written in the CIS format: {{detail}}',
      calculation_name_conflict:
        'Aspect {{aspect}} would read calculation "{{name}}" of another aspect; rename one of the calculations',
    },
    warning: {
      skill_number_missing: 'The title "{{title}}" has no skill number',
      no_sections_block:
        'No standards sections block (a header row with "Section" and "WSOS Marks"); section weights are not checked',
      section_aspect_marks_stale:
        'Section {{section}}: the workbook says {{found}} aspect marks, the aspects add up to {{computed}}',
      section_variation_stale:
        'Section {{section}}: the workbook says variation {{found}}, recomputed {{computed}}',
      section_weights_total: 'The section weights add up to {{weights}}, the aspects to {{total}}',
      block_total_stale:
        'Criterion {{criterion}}: the block total says {{found}}, the aspects add up to {{computed}}',
      block_criterion_inferred:
        'The block header does not name its criterion; taken as {{criterion}} from its sub-criterion IDs',
      criterion_total_mismatch:
        'Criterion {{criterion}}: the criteria block says {{maxMark}}, its aspects add up to {{aspectTotal}}',
      legacy_aspect_types: 'Older aspect types O and S read as M and J ({{count}} aspects)',
      legacy_descriptors_missing:
        'Subjective aspect {{aspect}} has no score descriptors; judges will score it without them',
      max_mark_in_g: 'Max marks taken from column G because K was empty ({{count}} aspects)',
      day_column_missing: 'No day-of-marking column; every sub-criterion is marked on day 1',
      day_missing: 'Sub-criterion {{id}} has no day of marking; taken as day 1',
      section_column_single:
        'No standards section column; every aspect is placed in section {{section}}, the only one',
      aspect_section_defaulted:
        'Aspect {{aspect}} has no standards section; placed in section {{section}}, the only one',
      descriptor_empty: 'Judgement aspect {{aspect}}: the descriptor for score {{score}} is empty',
      calculation_missing:
        'Aspect {{aspect}} uses calculation "{{name}}", which is not on the Calculations sheet; it is marked as achieved or not',
      calculation_unused: 'Calculation "{{name}}" is not used by any aspect',
      calculation_points_nowhere:
        'Calculation "{{name}}" points at no measurement aspect of this scheme',
      calculation_on_judgement:
        'Judgement aspect {{aspect}} has calculation "{{name}}"; it is ignored',
      calculation_type_unsupported:
        'Calculation "{{name}}" has type {{type}}, which Ashyq does not know; aspects using it are marked as achieved or not',
      deduction_exceeds_max:
        'Calculation "{{name}}" deducts up to {{deduction}} from aspect {{aspect}}, whose max mark is {{maxMark}}',
    },
    calculation: {
      malformed_pair: 'expected KEY:::value, found "{{value}}"',
      missing_key: '{{key}} is missing',
      not_a_number: '{{key}} must be a number, found "{{value}}"',
      invalid_value: '{{key}} has an impossible value "{{value}}"',
      too_few_choices: 'a choice needs at least two options, found {{value}}',
      unsupported_type: 'unknown calculation type "{{value}}"',
      unrepresentable: 'a label contains one of the separators #-#, ::: or #x~x#',
    },
    cell: {
      formula_without_value:
        'it holds a formula without a saved value (open and save the file in Excel)',
      error_value: 'it holds the error {{value}}',
    },
    report: {
      skill: 'Skill {{number}} {{name}}',
      counts:
        '{{criteria}} criteria, {{subCriteria}} sub-criteria, {{aspects}} aspects ({{measurement}} measurement, {{judgement}} judgement)',
      total: 'Total {{total}} (criteria block: {{criteriaTotal}})',
      criteria: 'Criteria',
      sections: 'Standards sections',
      id: 'ID',
      name: 'Name',
      maxMark: 'Max mark',
      aspectTotal: 'Aspects',
      weight: 'Weight',
      aspectMarks: 'Aspect marks',
      variation: 'Variation',
      totalVariation: 'Total variation {{variation}}',
      days: 'Sub-criteria per day',
      day: 'Day {{day}}: {{count}}',
      warnings: 'Warnings ({{count}})',
      noWarnings: 'No warnings',
      mismatch: 'differs',
    },
  },
  ru: {
    error: {
      not_xlsx: 'Файл не является книгой Excel (.xlsx)',
      unreadable_workbook: 'Книгу Excel не удалось прочитать: {{detail}}',
      sheet_missing: 'В книге нет листа «{{sheet}}» (листы книги: {{found}})',
      title_missing:
        'Здесь ожидаются номер и название компетенции, например «39 IT Network Systems Administration»',
      criteria_header_missing:
        'Нет блока критериев: ожидается строка заголовка с «ID» в A и «Name» в B',
      no_criteria: 'В блоке критериев нет ни одного критерия',
      duplicate_criterion: 'Критерий {{criterion}} указан в блоке критериев дважды',
      criterion_mark_invalid:
        'Балл критерия {{criterion}} должен быть числом не меньше 0; указано «{{found}}»',
      duplicate_section: 'Раздел {{section}} указан в блоке разделов дважды',
      section_weight_invalid:
        'Вес раздела {{section}} должен быть числом не меньше 0; указано «{{found}}»',
      no_marking_blocks:
        'Нет блока оценки: ожидается строка заголовка, ячейка A которой начинается с «Sub Criterion ID»',
      block_criterion_unknown:
        'Этот блок оценки относится к критерию {{criterion}}, которого нет в блоке критериев',
      sub_criterion_id_invalid: 'Ожидается код подкритерия, например A1; указано «{{found}}»',
      sub_criterion_outside_block:
        'Подкритерий {{id}} находится в блоке оценки критерия {{criterion}}',
      duplicate_sub_criterion: 'Подкритерий {{id}} встречается дважды (впервые в строке {{row}})',
      day_invalid:
        'День оценки подкритерия {{id}} должен быть целым числом или C-1, C1, C2…; указано «{{found}}»',
      aspect_before_sub_criterion: 'Аспект стоит раньше первой строки подкритерия в этом блоке',
      aspect_type_invalid:
        'Ожидается тип аспекта M или J (O или S в старых книгах); указано «{{found}}»',
      aspect_type_missing: 'В строке есть описание аспекта, но нет его типа (M или J)',
      aspect_description_missing: 'У аспекта {{aspect}} нет описания',
      duplicate_aspect: 'Аспект {{aspect}} встречается дважды',
      max_mark_invalid:
        'Максимальный балл аспекта {{aspect}} должен быть числом больше 0; указано «{{found}}»',
      max_mark_missing: 'У аспекта {{aspect}} не указан максимальный балл',
      judgement_descriptors_missing:
        'Под судейским аспектом {{aspect}} должны быть четыре строки с оценками 0, 1, 2, 3 и их дескрипторами; здесь ожидается оценка {{score}}',
      descriptor_without_judgement: 'Строка судейской оценки стоит не под судейским (J) аспектом',
      section_column_missing:
        'В блоке оценки нет столбца раздела стандарта, а разделов в схеме {{count}}, поэтому аспекты нельзя распределить',
      aspect_section_missing: 'У аспекта {{aspect}} не указан раздел стандарта',
      section_unknown:
        'Аспект {{aspect}} ссылается на раздел «{{section}}», которого нет в блоке разделов',
      unreadable_cell: 'Ячейку не удалось прочитать: {{detail}}',
      calculation_invalid: 'Расчёт «{{name}}» не удалось прочитать: {{detail}}',
      calculation_duplicate: 'Расчёт «{{name}}» задан дважды с разными параметрами',
      criterion_total_mismatch:
        'Критерий {{criterion}}: в блоке критериев указано {{maxMark}}, а сумма его аспектов равна {{aspectTotal}}',
      scheme_invalid: 'Схема некорректна в {{path}}: {{detail}}',
      calculation_unrepresentable:
        'Расчёт аспекта {{aspect}} нельзя записать в формате CIS: {{detail}}',
      calculation_name_conflict:
        'Аспект {{aspect}} прочитал бы расчёт «{{name}}» другого аспекта; переименуйте один из расчётов',
    },
    warning: {
      skill_number_missing: 'В заголовке «{{title}}» нет номера компетенции',
      no_sections_block:
        'Нет блока разделов стандарта (строки заголовка с «Section» и «WSOS Marks»); веса разделов не проверяются',
      section_aspect_marks_stale:
        'Раздел {{section}}: в книге указано {{found}} баллов аспектов, а сумма аспектов равна {{computed}}',
      section_variation_stale:
        'Раздел {{section}}: в книге указано отклонение {{found}}, пересчитанное — {{computed}}',
      section_weights_total: 'Сумма весов разделов равна {{weights}}, а сумма аспектов — {{total}}',
      block_total_stale:
        'Критерий {{criterion}}: итог блока равен {{found}}, а сумма аспектов — {{computed}}',
      block_criterion_inferred:
        'В заголовке блока не указан критерий; по кодам подкритериев принят критерий {{criterion}}',
      criterion_total_mismatch:
        'Критерий {{criterion}}: в блоке критериев указано {{maxMark}}, а сумма его аспектов равна {{aspectTotal}}',
      legacy_aspect_types: 'Старые типы аспектов O и S прочитаны как M и J (аспектов: {{count}})',
      legacy_descriptors_missing:
        'У субъективного аспекта {{aspect}} нет дескрипторов оценок; эксперты будут оценивать без них',
      max_mark_in_g: 'Максимальные баллы взяты из столбца G, так как K пуст (аспектов: {{count}})',
      day_column_missing: 'Нет столбца дня оценки; все подкритерии оцениваются в день 1',
      day_missing: 'У подкритерия {{id}} не указан день оценки; принят день 1',
      section_column_single:
        'Нет столбца раздела стандарта; все аспекты отнесены к единственному разделу {{section}}',
      aspect_section_defaulted:
        'У аспекта {{aspect}} не указан раздел стандарта; он отнесён к единственному разделу {{section}}',
      descriptor_empty: 'Судейский аспект {{aspect}}: пустой дескриптор для оценки {{score}}',
      calculation_missing:
        'Аспект {{aspect}} использует расчёт «{{name}}», которого нет на листе Calculations; он оценивается как «выполнено / не выполнено»',
      calculation_unused: 'Расчёт «{{name}}» не используется ни одним аспектом',
      calculation_points_nowhere:
        'Расчёт «{{name}}» не указывает ни на один измеримый аспект этой схемы',
      calculation_on_judgement:
        'У судейского аспекта {{aspect}} указан расчёт «{{name}}»; он не учитывается',
      calculation_type_unsupported:
        'Расчёт «{{name}}» имеет неизвестный Ashyq тип {{type}}; аспекты с ним оцениваются как «выполнено / не выполнено»',
      deduction_exceeds_max:
        'Расчёт «{{name}}» вычитает до {{deduction}} из аспекта {{aspect}}, у которого максимальный балл {{maxMark}}',
    },
    calculation: {
      malformed_pair: 'ожидается КЛЮЧ:::значение, указано «{{value}}»',
      missing_key: 'нет параметра {{key}}',
      not_a_number: '{{key}} должен быть числом, указано «{{value}}»',
      invalid_value: 'недопустимое значение {{key}}: «{{value}}»',
      too_few_choices: 'для выбора нужно не меньше двух вариантов, указано {{value}}',
      unsupported_type: 'неизвестный тип расчёта «{{value}}»',
      unrepresentable: 'подпись содержит один из разделителей #-#, ::: или #x~x#',
    },
    cell: {
      formula_without_value:
        'в ней формула без сохранённого значения (откройте и сохраните файл в Excel)',
      error_value: 'в ней ошибка {{value}}',
    },
    report: {
      skill: 'Компетенция {{number}} {{name}}',
      counts:
        'Критериев: {{criteria}}, подкритериев: {{subCriteria}}, аспектов: {{aspects}} (измеримых: {{measurement}}, судейских: {{judgement}})',
      total: 'Итого {{total}} (блок критериев: {{criteriaTotal}})',
      criteria: 'Критерии',
      sections: 'Разделы стандарта',
      id: 'Код',
      name: 'Название',
      maxMark: 'Макс. балл',
      aspectTotal: 'Аспекты',
      weight: 'Вес',
      aspectMarks: 'Баллы аспектов',
      variation: 'Отклонение',
      totalVariation: 'Суммарное отклонение {{variation}}',
      days: 'Подкритерии по дням',
      day: 'День {{day}}: {{count}}',
      warnings: 'Предупреждения ({{count}})',
      noWarnings: 'Предупреждений нет',
      mismatch: 'не совпадает',
    },
  },
  kk: {
    error: {
      not_xlsx: 'Файл Excel кітабы (.xlsx) емес',
      unreadable_workbook: 'Excel кітабын оқу мүмкін емес: {{detail}}',
      sheet_missing: 'Кітапта «{{sheet}}» парағы жоқ (кітаптағы парақтар: {{found}})',
      title_missing:
        'Мұнда құзыреттің нөмірі мен атауы күтіледі, мысалы «39 IT Network Systems Administration»',
      criteria_header_missing:
        'Критерийлер блогы жоқ: A бағанында «ID», B бағанында «Name» тұрған тақырып жолы күтіледі',
      no_criteria: 'Критерийлер блогында бірде-бір критерий жоқ',
      duplicate_criterion: '{{criterion}} критерийі критерийлер блогында екі рет көрсетілген',
      criterion_mark_invalid:
        '{{criterion}} критерийінің балы 0-ден кем емес сан болуы керек; көрсетілгені «{{found}}»',
      duplicate_section: '{{section}} бөлімі бөлімдер блогында екі рет көрсетілген',
      section_weight_invalid:
        '{{section}} бөлімінің салмағы 0-ден кем емес сан болуы керек; көрсетілгені «{{found}}»',
      no_marking_blocks:
        'Бағалау блогы жоқ: A ұяшығы «Sub Criterion ID» деп басталатын тақырып жолы күтіледі',
      block_criterion_unknown:
        'Бұл бағалау блогы критерийлер блогында жоқ {{criterion}} критерийіне жатады',
      sub_criterion_id_invalid: 'Ішкі критерий коды күтіледі, мысалы A1; көрсетілгені «{{found}}»',
      sub_criterion_outside_block:
        '{{id}} ішкі критерийі {{criterion}} критерийінің бағалау блогында тұр',
      duplicate_sub_criterion: '{{id}} ішкі критерийі екі рет кездеседі (алғаш рет {{row}}-жолда)',
      day_invalid:
        '{{id}} бағалау күні бүтін сан немесе C-1, C1, C2… болуы керек; көрсетілгені «{{found}}»',
      aspect_before_sub_criterion: 'Бұл блокта аспект бірінші ішкі критерий жолынан бұрын тұр',
      aspect_type_invalid:
        'Аспект түрі M немесе J күтіледі (ескі кітаптарда O немесе S); көрсетілгені «{{found}}»',
      aspect_type_missing: 'Жолда аспект сипаттамасы бар, бірақ оның түрі (M немесе J) жоқ',
      aspect_description_missing: '{{aspect}} аспектісінің сипаттамасы жоқ',
      duplicate_aspect: '{{aspect}} аспектісі екі рет кездеседі',
      max_mark_invalid:
        '{{aspect}} аспектісінің ең жоғары балы 0-ден үлкен сан болуы керек; көрсетілгені «{{found}}»',
      max_mark_missing: '{{aspect}} аспектісінің ең жоғары балы көрсетілмеген',
      judgement_descriptors_missing:
        '{{aspect}} сараптамалық аспектісінің астында 0, 1, 2, 3 бағалары мен олардың сипаттамалары бар төрт жол болуы керек; мұнда {{score}} бағасы күтіледі',
      descriptor_without_judgement:
        'Сараптамалық баға жолы сараптамалық (J) аспектінің астында емес',
      section_column_missing:
        'Бағалау блогында стандарт бөлімі бағаны жоқ, ал схемада {{count}} бөлім бар, сондықтан аспектілерді бөлу мүмкін емес',
      aspect_section_missing: '{{aspect}} аспектісінің стандарт бөлімі көрсетілмеген',
      section_unknown: '{{aspect}} аспектісі бөлімдер блогында жоқ «{{section}}» бөліміне сілтейді',
      unreadable_cell: 'Ұяшықты оқу мүмкін емес: {{detail}}',
      calculation_invalid: '«{{name}}» есептеуін оқу мүмкін емес: {{detail}}',
      calculation_duplicate: '«{{name}}» есептеуі әртүрлі параметрлермен екі рет берілген',
      criterion_total_mismatch:
        '{{criterion}} критерийі: критерийлер блогында {{maxMark}} делінген, ал аспектілерінің қосындысы {{aspectTotal}}',
      scheme_invalid: 'Схема {{path}} орнында жарамсыз: {{detail}}',
      calculation_unrepresentable:
        '{{aspect}} аспектісінің есептеуін CIS пішімінде жазу мүмкін емес: {{detail}}',
      calculation_name_conflict:
        '{{aspect}} аспектісі басқа аспектінің «{{name}}» есептеуін оқып алар еді; есептеулердің бірінің атын өзгертіңіз',
    },
    warning: {
      skill_number_missing: '«{{title}}» тақырыбында құзырет нөмірі жоқ',
      no_sections_block:
        'Стандарт бөлімдерінің блогы жоқ («Section» және «WSOS Marks» тұрған тақырып жолы); бөлім салмақтары тексерілмейді',
      section_aspect_marks_stale:
        '{{section}} бөлімі: кітапта аспектілер балы {{found}} делінген, ал аспектілердің қосындысы {{computed}}',
      section_variation_stale:
        '{{section}} бөлімі: кітапта ауытқу {{found}} делінген, қайта есептелгені {{computed}}',
      section_weights_total:
        'Бөлім салмақтарының қосындысы {{weights}}, ал аспектілердікі {{total}}',
      block_total_stale:
        '{{criterion}} критерийі: блок жиыны {{found}}, ал аспектілердің қосындысы {{computed}}',
      block_criterion_inferred:
        'Блок тақырыбында критерий көрсетілмеген; ішкі критерий кодтары бойынша {{criterion}} критерийі алынды',
      criterion_total_mismatch:
        '{{criterion}} критерийі: критерийлер блогында {{maxMark}} делінген, ал аспектілерінің қосындысы {{aspectTotal}}',
      legacy_aspect_types:
        'Ескі O және S аспект түрлері M және J ретінде оқылды ({{count}} аспект)',
      legacy_descriptors_missing:
        '{{aspect}} субъективті аспектісінің баға сипаттамалары жоқ; сарапшылар оны сипаттамасыз бағалайды',
      max_mark_in_g:
        'K бағаны бос болғандықтан, ең жоғары балдар G бағанынан алынды ({{count}} аспект)',
      day_column_missing: 'Бағалау күні бағаны жоқ; барлық ішкі критерийлер 1-күні бағаланады',
      day_missing: '{{id}} ішкі критерийінің бағалау күні көрсетілмеген; 1-күн деп алынды',
      section_column_single:
        'Стандарт бөлімі бағаны жоқ; барлық аспектілер жалғыз {{section}} бөліміне жатқызылды',
      aspect_section_defaulted:
        '{{aspect}} аспектісінің стандарт бөлімі көрсетілмеген; ол жалғыз {{section}} бөліміне жатқызылды',
      descriptor_empty: '{{aspect}} сараптамалық аспектісі: {{score}} бағасының сипаттамасы бос',
      calculation_missing:
        '{{aspect}} аспектісі Calculations парағында жоқ «{{name}}» есептеуін пайдаланады; ол «орындалды / орындалмады» деп бағаланады',
      calculation_unused: '«{{name}}» есептеуін бірде-бір аспект пайдаланбайды',
      calculation_points_nowhere:
        '«{{name}}» есептеуі бұл схеманың бірде-бір өлшенетін аспектісін көрсетпейді',
      calculation_on_judgement:
        '{{aspect}} сараптамалық аспектісінде «{{name}}» есептеуі бар; ол ескерілмейді',
      calculation_type_unsupported:
        '«{{name}}» есептеуінің түрі {{type}} Ashyq-қа белгісіз; оны пайдаланатын аспектілер «орындалды / орындалмады» деп бағаланады',
      deduction_exceeds_max:
        '«{{name}}» есептеуі ең жоғары балы {{maxMark}} болатын {{aspect}} аспектісінен {{deduction}} балға дейін шегереді',
    },
    calculation: {
      malformed_pair: 'КІЛТ:::мән күтіледі, көрсетілгені «{{value}}»',
      missing_key: '{{key}} параметрі жоқ',
      not_a_number: '{{key}} сан болуы керек, көрсетілгені «{{value}}»',
      invalid_value: '{{key}} мәні жарамсыз: «{{value}}»',
      too_few_choices: 'таңдауда кемінде екі нұсқа болуы керек, көрсетілгені {{value}}',
      unsupported_type: 'белгісіз есептеу түрі «{{value}}»',
      unrepresentable: 'белгіде #-#, ::: немесе #x~x# бөлгіштерінің бірі бар',
    },
    cell: {
      formula_without_value: 'онда сақталған мәні жоқ формула тұр (файлды Excel-де ашып, сақтаңыз)',
      error_value: 'онда {{value}} қатесі тұр',
    },
    report: {
      skill: 'Құзырет {{number}} {{name}}',
      counts:
        'Критерийлер: {{criteria}}, ішкі критерийлер: {{subCriteria}}, аспектілер: {{aspects}} (өлшенетін: {{measurement}}, сараптамалық: {{judgement}})',
      total: 'Барлығы {{total}} (критерийлер блогы: {{criteriaTotal}})',
      criteria: 'Критерийлер',
      sections: 'Стандарт бөлімдері',
      id: 'Код',
      name: 'Атауы',
      maxMark: 'Ең жоғары балл',
      aspectTotal: 'Аспектілер',
      weight: 'Салмағы',
      aspectMarks: 'Аспектілер балы',
      variation: 'Ауытқу',
      totalVariation: 'Жалпы ауытқу {{variation}}',
      days: 'Күндер бойынша ішкі критерийлер',
      day: '{{day}}-күн: {{count}}',
      warnings: 'Ескертулер ({{count}})',
      noWarnings: 'Ескерту жоқ',
      mismatch: 'сәйкес емес',
    },
  },
});
