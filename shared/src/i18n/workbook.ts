import { defineNamespace } from './messages';

/**
 * Messages of the CIS workbook import and export (server/src/cis) and the scheme report (CLI,
 * organiser screens). `error.*` refuse a workbook, `warning.*` let it import; the location
 * (sheet, cell) travels beside the message, so the texts do not repeat it.
 */
export const workbook = defineNamespace({
  en: {
    error: {
      mark_too_large:
        'Found {{found}} here; no mark, weight or criterion of a scheme is more than {{limit}}',
      not_xlsx: 'The file is not an Excel workbook (.xlsx)',
      unreadable_workbook: 'The workbook cannot be read: {{detail}}',
      sheet_missing:
        'No sheet holds a marking scheme (a header row that starts with "Sub Criterion ID"); the workbook\'s sheets: {{found}}',
      duplicate_criterion: 'Criterion {{criterion}} appears twice in the criteria block',
      criterion_mark_invalid:
        'The mark of criterion {{criterion}} must be a number of at least 0; found "{{found}}"',
      duplicate_section: 'Section {{section}} appears twice in the sections block',
      section_weight_invalid:
        'The weight of section {{section}} must be a number of at least 0; found "{{found}}"',
      sub_criterion_id_invalid: 'Expected a sub-criterion ID such as A1; found "{{found}}"',
      sub_criterion_outside_block:
        'Sub-criterion {{id}} is in the marking block labelled criterion {{criterion}} ({{label}}); fix the ID or the label',
      duplicate_sub_criterion:
        'Sub-criterion {{id}} appears twice, here and in {{first}}, and both hold aspects; give one of them another ID',
      day_invalid:
        'The day of marking of {{id}} must be a whole number or C-1, C1, C2...; found "{{found}}"',
      aspect_before_sub_criterion: 'An aspect comes before any sub-criterion row of this block',
      aspect_type_invalid:
        'Expected the aspect type M or J (O or S in older workbooks); found "{{found}}"',
      aspect_description_missing: 'Aspect {{aspect}} has no description',
      duplicate_aspect: 'Aspect {{aspect}} appears twice',
      max_mark_invalid:
        'The max mark of aspect {{aspect}} must be a number greater than 0; found "{{found}}"',
      max_mark_missing: 'Aspect {{aspect}} has no max mark',
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
      workbook_too_large:
        'The workbook unpacks to more than {{limit}}; a marking scheme is far smaller (is it the right file?)',
      block_column_missing: 'This marking block header has no "$t(field.{{field}})" column',
      no_aspects:
        'The marking blocks hold no aspect (a row with an aspect type, a description and a max mark)',
    },
    warning: {
      unsafe_characters:
        'Invisible characters that reorder or break text (NUL, bidi overrides, broken surrogates) were removed ({{count}} cells): {{cells}}',
      section_column_missing:
        'The marking blocks have no standards section column, and the sections block lists {{count}} sections; the aspects count towards none of them',
      sheet_other_name:
        'The marking scheme was read from sheet "{{sheet}}" (no sheet "CIS Marking Scheme Import" holds one)',
      title_missing:
        'No skill title (such as "17 Web Technologies") above the blocks; name the skill when you accept the scheme',
      skill_number_missing: 'The title "{{title}}" has no skill number',
      no_sections:
        'No standards sections: neither a sections block nor a section column; section weights are not checked',
      sections_derived:
        "No sections block; sections {{sections}} taken from the aspects, each weighted by its aspects (enter the standard's weights to check them)",
      section_not_in_block:
        'Section {{section}} is not in the sections block; added with weight 0 ({{count}} aspects: {{cells}})',
      section_weight_missing: 'Sections without a weight, taken as 0 ({{count}}): {{cells}}',
      section_aspect_marks_stale:
        'Section {{section}}: the workbook says {{found}} aspect marks, the aspects add up to {{computed}}',
      section_variation_stale:
        'Section {{section}}: the workbook says variation {{found}}, recomputed {{computed}}',
      section_weights_total: 'The section weights add up to {{weights}}, the aspects to {{total}}',
      block_total_stale:
        'Criterion {{criterion}}: the block total says {{found}}, the aspects add up to {{computed}}',
      block_criterion_inferred:
        'Marking blocks that do not name their criterion take it from their sub-criterion IDs, A1 -> A ({{count}}): {{cells}}',
      criteria_derived:
        "Criteria {{criteria}} are not in a criteria block with a mark; taken from the marking blocks, each marked with its aspects' total",
      criterion_total_mismatch:
        'Criterion {{criterion}}: the criteria block says {{maxMark}}, its aspects add up to {{aspectTotal}}',
      sub_criterion_total_stale:
        'Sub-criterion {{id}}: the row says {{found}}, its aspects add up to {{computed}}',
      total_row_stale:
        'A typed-in total says {{found}}; the aspects above it add up to {{computed}} (not read as an aspect)',
      total_rows:
        'Typed-in totals that agree with the aspects, not read as aspects ({{count}}): {{cells}}',
      label_rows:
        'Rows with text but no aspect type and no mark, read as notes ({{count}}): {{cells}}',
      aspect_type_derived:
        'Rows with a description and a max mark but no aspect type, read as type {{type}} ({{count}}): {{cells}}',
      aspect_rows_empty:
        'Rows with an aspect type and nothing else, skipped ({{count}}): {{cells}}',
      score_row_orphan:
        'Numbers in the score column that follow no judgement aspect, ignored ({{count}}): {{cells}}',
      lookalike_letters:
        'IDs and types typed with Cyrillic letters that look like Latin ones, read as Latin ({{count}} cells): {{cells}}',
      legacy_aspect_types:
        'Older aspect types O and S read as M and J ({{count}} aspects: {{cells}})',
      max_mark_in_g:
        'Max marks taken from the extra-description column because the max-mark column was empty ({{count}} aspects: {{cells}})',
      day_column_missing: 'No day-of-marking column; every sub-criterion is marked on day 1',
      day_missing: 'Sub-criteria without a day of marking, taken as day 1 ({{count}}): {{cells}}',
      aspect_section_defaulted:
        'Aspects without a standards section, placed in section {{section}}, the only one ({{count}}): {{cells}}',
      aspect_section_missing:
        'Aspects without a standards section, counted towards no section ({{count}}): {{cells}}',
      descriptor_empty: 'Judgement score rows with an empty descriptor ({{count}}): {{cells}}',
      descriptors_incomplete:
        'Judgement aspects with {{found}} of the four score rows (0-3); the missing descriptors are left empty ({{count}}): {{cells}}',
      sub_criterion_duplicate_empty:
        'Sub-criterion {{id}} appears again in {{first}}; this one has no aspects and is skipped',
      sub_criterion_renumbered:
        'Sub-criterion {{id}} repeats the ID of the one above it ({{first}}); read as {{renamed}}',
      calculation_number:
        '{{count}} aspects name calculation row {{value}}, a number rather than a name on the Calculations sheet; ignored: {{cells}}',
      calculation_missing:
        'Aspects using calculation "{{name}}", which is not on the Calculations sheet, are marked as achieved or not ({{count}}): {{cells}}',
      calculation_unused: 'Calculation "{{name}}" is not used by any aspect',
      calculation_points_nowhere:
        'Calculation "{{name}}" points at no measurement aspect of this scheme',
      calculation_on_judgement:
        'Judgement aspects with calculation "{{name}}", which is ignored ({{count}}): {{cells}}',
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
    field: {
      id: 'Sub Criterion ID',
      name: 'Sub Criterion Name',
      day: 'Day of Marking',
      type: 'Aspect Type',
      description: 'Aspect Description',
      score: 'Judg Score',
      extra: 'Extra Aspect Description',
      requirement: 'Requirement',
      section: 'WSOS Section',
      calculation: 'Calculation',
      maxMark: 'Max Mark',
    },
    report: {
      sheet: 'Sheet "{{sheet}}", {{layout}}',
      derived: 'Derived from the aspects: {{parts}}',
      layout: {
        'cis-2019': 'CIS layout 2019+ (with day of marking)',
        'cis-2016': 'older CIS layout (no day of marking)',
      },
      part: {
        skill: 'skill name',
        sections: 'standards sections',
        criteria: 'criteria',
        days: 'days of marking',
      },
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
      mark_too_large:
        'Здесь указано {{found}}; ни балл, ни вес, ни критерий схемы не бывает больше {{limit}}',
      not_xlsx: 'Файл не является книгой Excel (.xlsx)',
      unreadable_workbook: 'Книгу Excel не удалось прочитать: {{detail}}',
      sheet_missing:
        'Ни на одном листе нет схемы оценки (строки заголовка, начинающейся с «Sub Criterion ID»); листы книги: {{found}}',
      duplicate_criterion: 'Критерий {{criterion}} указан в блоке критериев дважды',
      criterion_mark_invalid:
        'Балл критерия {{criterion}} должен быть числом не меньше 0; указано «{{found}}»',
      duplicate_section: 'Раздел {{section}} указан в блоке разделов дважды',
      section_weight_invalid:
        'Вес раздела {{section}} должен быть числом не меньше 0; указано «{{found}}»',
      sub_criterion_id_invalid: 'Ожидается код подкритерия, например A1; указано «{{found}}»',
      sub_criterion_outside_block:
        'Подкритерий {{id}} находится в блоке оценки с меткой критерия {{criterion}} ({{label}}); исправьте код или метку',
      duplicate_sub_criterion:
        'Подкритерий {{id}} встречается дважды — здесь и в {{first}}, — и у обоих есть аспекты; дайте одному из них другой код',
      day_invalid:
        'День оценки подкритерия {{id}} должен быть целым числом или C-1, C1, C2…; указано «{{found}}»',
      aspect_before_sub_criterion: 'Аспект стоит раньше первой строки подкритерия в этом блоке',
      aspect_type_invalid:
        'Ожидается тип аспекта M или J (O или S в старых книгах); указано «{{found}}»',
      aspect_description_missing: 'У аспекта {{aspect}} нет описания',
      duplicate_aspect: 'Аспект {{aspect}} встречается дважды',
      max_mark_invalid:
        'Максимальный балл аспекта {{aspect}} должен быть числом больше 0; указано «{{found}}»',
      max_mark_missing: 'У аспекта {{aspect}} не указан максимальный балл',
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
      workbook_too_large:
        'Книга распаковывается в объём больше {{limit}}; схема оценки намного меньше (тот ли это файл?)',
      block_column_missing: 'В заголовке блока оценки нет столбца «$t(field.{{field}})»',
      no_aspects:
        'В блоках оценки нет ни одного аспекта (строки с типом аспекта, описанием и максимальным баллом)',
    },
    warning: {
      unsafe_characters:
        'Удалены невидимые символы, которые переставляют или портят текст (NUL, переопределения направления, разорванные суррогаты) (ячеек: {{count}}): {{cells}}',
      section_column_missing:
        'В блоках оценки нет столбца раздела стандарта, а в блоке разделов {{count}} разделов; аспекты не относятся ни к одному из них',
      sheet_other_name:
        'Схема оценки прочитана с листа «{{sheet}}» (листа «CIS Marking Scheme Import» со схемой нет)',
      title_missing:
        'Над блоками нет названия компетенции (например, «17 Web Technologies»); укажите компетенцию при принятии схемы',
      skill_number_missing: 'В заголовке «{{title}}» нет номера компетенции',
      no_sections:
        'Нет разделов стандарта: ни блока разделов, ни столбца раздела; веса разделов не проверяются',
      sections_derived:
        'Нет блока разделов; разделы {{sections}} взяты из аспектов, вес каждого равен сумме его аспектов (укажите веса стандарта, чтобы их проверить)',
      section_not_in_block:
        'Раздела {{section}} нет в блоке разделов; добавлен с весом 0 (аспектов: {{count}}; {{cells}})',
      section_weight_missing: 'У разделов нет веса, принят 0 (разделов: {{count}}): {{cells}}',
      section_aspect_marks_stale:
        'Раздел {{section}}: в книге указано {{found}} баллов аспектов, а сумма аспектов равна {{computed}}',
      section_variation_stale:
        'Раздел {{section}}: в книге указано отклонение {{found}}, пересчитанное — {{computed}}',
      section_weights_total: 'Сумма весов разделов равна {{weights}}, а сумма аспектов — {{total}}',
      block_total_stale:
        'Критерий {{criterion}}: итог блока равен {{found}}, а сумма аспектов — {{computed}}',
      block_criterion_inferred:
        'В блоках оценки не указан критерий; он взят из кодов подкритериев (A1 -> A) (блоков: {{count}}): {{cells}}',
      criteria_derived:
        'Критериев {{criteria}} нет в блоке критериев с баллом; они взяты из блоков оценки, балл каждого равен сумме его аспектов',
      criterion_total_mismatch:
        'Критерий {{criterion}}: в блоке критериев указано {{maxMark}}, а сумма его аспектов равна {{aspectTotal}}',
      sub_criterion_total_stale:
        'Подкритерий {{id}}: в строке указано {{found}}, а сумма его аспектов — {{computed}}',
      total_row_stale:
        'Введённый вручную итог равен {{found}}, а сумма аспектов над ним — {{computed}} (не прочитан как аспект)',
      total_rows:
        'Строки итогов совпадают с аспектами и не прочитаны как аспекты (строк: {{count}}): {{cells}}',
      label_rows:
        'Строки с текстом без типа аспекта и без балла прочитаны как примечания (строк: {{count}}): {{cells}}',
      aspect_type_derived:
        'У строк есть описание и максимальный балл, но нет типа аспекта; прочитаны как тип {{type}} (строк: {{count}}): {{cells}}',
      aspect_rows_empty: 'Строки только с типом аспекта пропущены (строк: {{count}}): {{cells}}',
      score_row_orphan:
        'Строки с числом в столбце оценки не следуют за судейским аспектом и не учитываются (строк: {{count}}): {{cells}}',
      lookalike_letters:
        'Коды и типы набраны кириллицей, похожей на латиницу; прочитаны латиницей (ячеек: {{count}}): {{cells}}',
      legacy_aspect_types:
        'Старые типы аспектов O и S прочитаны как M и J (аспектов: {{count}}): {{cells}}',
      max_mark_in_g:
        'Максимальные баллы взяты из столбца дополнительного описания, так как столбец максимального балла пуст (аспектов: {{count}}): {{cells}}',
      day_column_missing: 'Нет столбца дня оценки; все подкритерии оцениваются в день 1',
      day_missing:
        'У подкритериев не указан день оценки; принят день 1 (подкритериев: {{count}}): {{cells}}',
      aspect_section_defaulted:
        'У аспектов не указан раздел стандарта; они отнесены к единственному разделу {{section}} (аспектов: {{count}}): {{cells}}',
      aspect_section_missing:
        'У аспектов не указан раздел стандарта; они не входят ни в один раздел (аспектов: {{count}}): {{cells}}',
      descriptor_empty:
        'Пустые дескрипторы в строках судейских оценок (строк: {{count}}): {{cells}}',
      descriptors_incomplete:
        'У судейских аспектов {{found}} из четырёх строк оценок (0–3); недостающие дескрипторы пусты (аспектов: {{count}}): {{cells}}',
      sub_criterion_duplicate_empty:
        'Подкритерий {{id}} встречается ещё в {{first}}; у этого нет аспектов, он пропущен',
      sub_criterion_renumbered:
        'Подкритерий {{id}} повторяет код подкритерия над ним ({{first}}); прочитан как {{renamed}}',
      calculation_number:
        'Аспекты указывают строку расчёта {{value}} — число, а не название с листа Calculations; не учитывается (аспектов: {{count}}): {{cells}}',
      calculation_missing:
        'Аспекты используют расчёт «{{name}}», которого нет на листе Calculations; они оцениваются как «выполнено / не выполнено» (аспектов: {{count}}): {{cells}}',
      calculation_unused: 'Расчёт «{{name}}» не используется ни одним аспектом',
      calculation_points_nowhere:
        'Расчёт «{{name}}» не указывает ни на один измеримый аспект этой схемы',
      calculation_on_judgement:
        'У судейских аспектов указан расчёт «{{name}}»; он не учитывается (аспектов: {{count}}): {{cells}}',
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
    field: {
      id: 'Sub Criterion ID (код подкритерия)',
      name: 'Sub Criterion Name (название подкритерия)',
      day: 'Day of Marking (день оценки)',
      type: 'Aspect Type (тип аспекта)',
      description: 'Aspect Description (описание аспекта)',
      score: 'Judg Score (судейская оценка)',
      extra: 'Extra Aspect Description (дополнительное описание)',
      requirement: 'Requirement (требование)',
      section: 'WSOS Section (раздел стандарта)',
      calculation: 'Calculation (расчёт)',
      maxMark: 'Max Mark (максимальный балл)',
    },
    report: {
      sheet: 'Лист «{{sheet}}», {{layout}}',
      derived: 'Выведено из аспектов: {{parts}}',
      layout: {
        'cis-2019': 'макет CIS 2019+ (с днём оценки)',
        'cis-2016': 'старый макет CIS (без дня оценки)',
      },
      part: {
        skill: 'название компетенции',
        sections: 'разделы стандарта',
        criteria: 'критерии',
        days: 'дни оценки',
      },
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
      mark_too_large:
        'Мұнда {{found}} көрсетілген; схеманың ешбір балы, салмағы не критерийі {{limit}}-ден аспайды',
      not_xlsx: 'Файл Excel кітабы (.xlsx) емес',
      unreadable_workbook: 'Excel кітабын оқу мүмкін емес: {{detail}}',
      sheet_missing:
        'Бірде-бір парақта бағалау схемасы жоқ («Sub Criterion ID» деп басталатын тақырып жолы); кітап парақтары: {{found}}',
      duplicate_criterion: '{{criterion}} критерийі критерийлер блогында екі рет көрсетілген',
      criterion_mark_invalid:
        '{{criterion}} критерийінің балы 0-ден кем емес сан болуы керек; көрсетілгені «{{found}}»',
      duplicate_section: '{{section}} бөлімі бөлімдер блогында екі рет көрсетілген',
      section_weight_invalid:
        '{{section}} бөлімінің салмағы 0-ден кем емес сан болуы керек; көрсетілгені «{{found}}»',
      sub_criterion_id_invalid: 'Ішкі критерий коды күтіледі, мысалы A1; көрсетілгені «{{found}}»',
      sub_criterion_outside_block:
        '{{id}} ішкі критерийі {{criterion}} критерийі белгісі бар бағалау блогында тұр ({{label}}); кодты немесе белгіні түзетіңіз',
      duplicate_sub_criterion:
        '{{id}} ішкі критерийі екі рет кездеседі — осында және {{first}} ұяшығында — және екеуінде де аспектілер бар; біреуіне басқа код беріңіз',
      day_invalid:
        '{{id}} бағалау күні бүтін сан немесе C-1, C1, C2… болуы керек; көрсетілгені «{{found}}»',
      aspect_before_sub_criterion: 'Бұл блокта аспект бірінші ішкі критерий жолынан бұрын тұр',
      aspect_type_invalid:
        'Аспект түрі M немесе J күтіледі (ескі кітаптарда O немесе S); көрсетілгені «{{found}}»',
      aspect_description_missing: '{{aspect}} аспектісінің сипаттамасы жоқ',
      duplicate_aspect: '{{aspect}} аспектісі екі рет кездеседі',
      max_mark_invalid:
        '{{aspect}} аспектісінің ең жоғары балы 0-ден үлкен сан болуы керек; көрсетілгені «{{found}}»',
      max_mark_missing: '{{aspect}} аспектісінің ең жоғары балы көрсетілмеген',
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
      workbook_too_large:
        'Кітап {{limit}} көлемінен асып ашылады; бағалау схемасы әлдеқайда кіші (файл дұрыс па?)',
      block_column_missing: 'Бағалау блогының тақырыбында «$t(field.{{field}})» бағаны жоқ',
      no_aspects:
        'Бағалау блоктарында бірде-бір аспект жоқ (аспект түрі, сипаттамасы және ең жоғары балы бар жол)',
    },
    warning: {
      unsafe_characters:
        'Мәтінді ауыстыратын не бұзатын көрінбейтін таңбалар жойылды (NUL, бағыт ауыстырғыштары, бөлінген суррогаттар) (ұяшықтар: {{count}}): {{cells}}',
      section_column_missing:
        'Бағалау блоктарында стандарт бөлімі бағаны жоқ, ал бөлімдер блогында {{count}} бөлім бар; аспектілер олардың ешқайсысына жатпайды',
      sheet_other_name:
        'Бағалау схемасы «{{sheet}}» парағынан оқылды («CIS Marking Scheme Import» парағында схема жоқ)',
      title_missing:
        'Блоктардың үстінде құзырет атауы жоқ (мысалы, «17 Web Technologies»); схеманы қабылдағанда құзыретті көрсетіңіз',
      skill_number_missing: '«{{title}}» тақырыбында құзырет нөмірі жоқ',
      no_sections:
        'Стандарт бөлімдері жоқ: бөлімдер блогы да, бөлім бағаны да жоқ; бөлім салмақтары тексерілмейді',
      sections_derived:
        'Бөлімдер блогы жоқ; {{sections}} бөлімдері аспектілерден алынды, әрқайсысының салмағы оның аспектілерінің қосындысына тең (тексеру үшін стандарт салмақтарын енгізіңіз)',
      section_not_in_block:
        '{{section}} бөлімі бөлімдер блогында жоқ; 0 салмақпен қосылды (аспектілер: {{count}}; {{cells}})',
      section_weight_missing:
        'Бөлімдердің салмағы жоқ, 0 деп алынды (бөлімдер: {{count}}): {{cells}}',
      section_aspect_marks_stale:
        '{{section}} бөлімі: кітапта аспектілер балы {{found}} делінген, ал аспектілердің қосындысы {{computed}}',
      section_variation_stale:
        '{{section}} бөлімі: кітапта ауытқу {{found}} делінген, қайта есептелгені {{computed}}',
      section_weights_total:
        'Бөлім салмақтарының қосындысы {{weights}}, ал аспектілердікі {{total}}',
      block_total_stale:
        '{{criterion}} критерийі: блок жиыны {{found}}, ал аспектілердің қосындысы {{computed}}',
      block_criterion_inferred:
        'Бағалау блоктарында критерий көрсетілмеген; ол ішкі критерий кодтарынан алынды (A1 -> A) (блоктар: {{count}}): {{cells}}',
      criteria_derived:
        '{{criteria}} критерийлері балымен бірге критерийлер блогында жоқ; олар бағалау блоктарынан алынды, әрқайсысының балы оның аспектілерінің қосындысына тең',
      criterion_total_mismatch:
        '{{criterion}} критерийі: критерийлер блогында {{maxMark}} делінген, ал аспектілерінің қосындысы {{aspectTotal}}',
      sub_criterion_total_stale:
        '{{id}} ішкі критерийі: жолда {{found}} делінген, ал аспектілерінің қосындысы {{computed}}',
      total_row_stale:
        'Қолмен енгізілген жиын {{found}}, ал оның үстіндегі аспектілердің қосындысы {{computed}} (аспект ретінде оқылмады)',
      total_rows:
        'Жиын жолдары аспектілермен сәйкес келеді, аспект ретінде оқылмады (жолдар: {{count}}): {{cells}}',
      label_rows:
        'Аспект түрі де, балы да жоқ мәтінді жолдар ескертпе ретінде оқылды (жолдар: {{count}}): {{cells}}',
      aspect_type_derived:
        'Жолдарда сипаттама мен ең жоғары балл бар, бірақ аспект түрі жоқ; {{type}} түрі ретінде оқылды (жолдар: {{count}}): {{cells}}',
      aspect_rows_empty:
        'Тек аспект түрі бар жолдар өткізіліп жіберілді (жолдар: {{count}}): {{cells}}',
      score_row_orphan:
        'Баға бағанында саны бар жолдар сараптамалық аспектіден кейін тұрмайды, ескерілмейді (жолдар: {{count}}): {{cells}}',
      lookalike_letters:
        'Кодтар мен түрлер латынға ұқсас кирилл әріптерімен терілген; латын әрпі ретінде оқылды (ұяшықтар: {{count}}): {{cells}}',
      legacy_aspect_types:
        'Ескі O және S аспект түрлері M және J ретінде оқылды (аспектілер: {{count}}): {{cells}}',
      max_mark_in_g:
        'Ең жоғары балл бағаны бос болғандықтан, балдар қосымша сипаттама бағанынан алынды (аспектілер: {{count}}): {{cells}}',
      day_column_missing: 'Бағалау күні бағаны жоқ; барлық ішкі критерийлер 1-күні бағаланады',
      day_missing:
        'Ішкі критерийлердің бағалау күні көрсетілмеген; 1-күн деп алынды (ішкі критерийлер: {{count}}): {{cells}}',
      aspect_section_defaulted:
        'Аспектілердің стандарт бөлімі көрсетілмеген; олар жалғыз {{section}} бөліміне жатқызылды (аспектілер: {{count}}): {{cells}}',
      aspect_section_missing:
        'Аспектілердің стандарт бөлімі көрсетілмеген; олар ешбір бөлімге кірмейді (аспектілер: {{count}}): {{cells}}',
      descriptor_empty: 'Сараптамалық баға жолдарында сипаттама бос (жолдар: {{count}}): {{cells}}',
      descriptors_incomplete:
        'Сараптамалық аспектілерде төрт баға жолының (0–3) {{found}}-і ғана бар; жетпейтін сипаттамалар бос (аспектілер: {{count}}): {{cells}}',
      sub_criterion_duplicate_empty:
        '{{id}} ішкі критерийі {{first}} ұяшығында да бар; мұнда аспектілер жоқ, ол өткізілді',
      sub_criterion_renumbered:
        '{{id}} ішкі критерийі үстіндегі ішкі критерийдің кодын қайталайды ({{first}}); {{renamed}} ретінде оқылды',
      calculation_number:
        'Аспектілер Calculations парағындағы атаудың орнына {{value}} санын есептеу жолы ретінде көрсетеді; ескерілмейді (аспектілер: {{count}}): {{cells}}',
      calculation_missing:
        'Аспектілер Calculations парағында жоқ «{{name}}» есептеуін пайдаланады; олар «орындалды / орындалмады» деп бағаланады (аспектілер: {{count}}): {{cells}}',
      calculation_unused: '«{{name}}» есептеуін бірде-бір аспект пайдаланбайды',
      calculation_points_nowhere:
        '«{{name}}» есептеуі бұл схеманың бірде-бір өлшенетін аспектісін көрсетпейді',
      calculation_on_judgement:
        'Сараптамалық аспектілерде «{{name}}» есептеуі бар; ол ескерілмейді (аспектілер: {{count}}): {{cells}}',
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
    field: {
      id: 'Sub Criterion ID (ішкі критерий коды)',
      name: 'Sub Criterion Name (ішкі критерий атауы)',
      day: 'Day of Marking (бағалау күні)',
      type: 'Aspect Type (аспект түрі)',
      description: 'Aspect Description (аспект сипаттамасы)',
      score: 'Judg Score (сараптамалық баға)',
      extra: 'Extra Aspect Description (қосымша сипаттама)',
      requirement: 'Requirement (талап)',
      section: 'WSOS Section (стандарт бөлімі)',
      calculation: 'Calculation (есептеу)',
      maxMark: 'Max Mark (ең жоғары балл)',
    },
    report: {
      sheet: '«{{sheet}}» парағы, {{layout}}',
      derived: 'Аспектілерден алынды: {{parts}}',
      layout: {
        'cis-2019': 'CIS 2019+ макеті (бағалау күнімен)',
        'cis-2016': 'ескі CIS макеті (бағалау күнінсіз)',
      },
      part: {
        skill: 'құзырет атауы',
        sections: 'стандарт бөлімдері',
        criteria: 'критерийлер',
        days: 'бағалау күндері',
      },
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
