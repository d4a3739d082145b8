import { defineNamespace } from './messages';

/** Importing competitors, experts and students from XLSX or CSV: columns, places and problems. */
export const people = defineNamespace({
  en: {
    field: {
      name: 'Full name',
      fullName: 'Full name',
      lastName: 'Last name',
      firstName: 'First name',
      middleName: 'Middle name',
      iin: 'IIN',
      college: 'College',
      region: 'Region',
      group: 'Group',
      taskVariant: 'Task variant',
      guest: 'Guest',
      delegation: 'Delegation',
      certificate: 'Certificate',
      role: 'Role',
      employer: 'Employer',
    },
    where: {
      file: 'File',
      row: 'Row {{row}}',
      column: 'column {{letter}} ({{header}})',
      rowColumn: 'Row {{row}}, column {{letter}} ({{header}})',
    },
    issue: {
      file_empty: 'The file is empty',
      file_too_large: 'The file is larger than {{limit}}',
      file_type_unsupported: 'This is neither an Excel workbook (.xlsx) nor a CSV file',
      file_legacy_xls:
        'This is the old Excel format (.xls) or a password-protected workbook; save it as an Excel workbook (.xlsx) without a password',
      file_not_utf8: 'The CSV file is not in UTF-8; in Excel save it as "CSV UTF-8"',
      file_unreadable: 'The Excel workbook is damaged or cannot be read',
      file_unpacks_too_large: 'The Excel workbook unpacks to more than {{limit}}',
      no_worksheet: 'The workbook has no worksheet with data',
      csv_unterminated_quote: 'A quoted cell opens here and is never closed',
      csv_text_after_quote:
        'Text follows a closing quote; put the whole cell in quotes and double the quotes inside it',
      header_not_found:
        'No header row was found; the first rows must name the columns: {{columns}}',
      missing_column: 'The required column "{{fieldName}}" is missing',
      missing_name_column:
        'A name column is missing: add "Full name", or "Last name" and "First name"',
      duplicate_column: 'The column "{{fieldName}}" appears twice (also column {{otherColumn}})',
      unknown_column: 'This column was not recognised and is ignored',
      empty_cell: 'This value is required',
      too_long: 'Longer than {{max}} characters',
      name_incomplete: 'Write at least the last name and the first name',
      date_in_text_cell:
        'Excel turned this value into a date; format the column as Text and type the value again',
      birth_date_in_future:
        'The IIN gives a birth date in the future ({{birthDate}}); check for a typo',
      iin_zeros_restored: 'Excel dropped the leading zeros of the IIN; it was read as {{iin}}',
      unknown_region: 'Unknown region "{{value}}"',
      unknown_role: 'Unknown role "{{value}}"; use one of: {{allowed}}',
      invalid_flag: '"{{value}}" is neither yes nor no',
      duplicate_in_file: 'The same IIN is already in row {{firstRow}}',
      already_registered: 'A person with this IIN is already registered',
      unknown_variant:
        'The session has no task variant {{value}}: its variants are 1 to {{variants}}',
      unknown_college:
        'College "{{value}}" is not registered: register it first or correct the name',
      too_many_rows: 'The file has {{count}} rows; at most {{limit}} can be imported at once',
      too_many_errors: '{{count}} more problems are not shown; fix these and upload the file again',
    },
  },
  ru: {
    field: {
      name: 'ФИО',
      fullName: 'ФИО',
      lastName: 'Фамилия',
      firstName: 'Имя',
      middleName: 'Отчество',
      iin: 'ИИН',
      college: 'Колледж',
      region: 'Регион',
      group: 'Группа',
      taskVariant: 'Вариант задания',
      guest: 'Гость',
      delegation: 'Делегация',
      certificate: 'Сертификат',
      role: 'Роль',
      employer: 'Работодатель',
    },
    where: {
      file: 'Файл',
      row: 'Строка {{row}}',
      column: 'столбец {{letter}} ({{header}})',
      rowColumn: 'Строка {{row}}, столбец {{letter}} ({{header}})',
    },
    issue: {
      file_empty: 'Файл пустой',
      file_too_large: 'Файл больше {{limit}}',
      file_type_unsupported: 'Это не книга Excel (.xlsx) и не файл CSV',
      file_legacy_xls:
        'Это старый формат Excel (.xls) или книга с паролем; сохраните файл как книгу Excel (.xlsx) без пароля',
      file_not_utf8: 'Файл CSV не в кодировке UTF-8; в Excel сохраните его как «CSV UTF-8»',
      file_unreadable: 'Книга Excel повреждена или не читается',
      file_unpacks_too_large: 'Книга Excel в распакованном виде больше {{limit}}',
      no_worksheet: 'В книге нет листа с данными',
      csv_unterminated_quote: 'Здесь открывается ячейка в кавычках, но кавычка не закрыта',
      csv_text_after_quote:
        'После закрывающей кавычки идёт текст; возьмите всю ячейку в кавычки, а кавычки внутри удвойте',
      header_not_found:
        'Строка заголовков не найдена; первые строки должны называть столбцы: {{columns}}',
      missing_column: 'Нет обязательного столбца «{{fieldName}}»',
      missing_name_column: 'Нет столбца с именем: добавьте «ФИО» или столбцы «Фамилия» и «Имя»',
      duplicate_column: 'Столбец «{{fieldName}}» встречается дважды (ещё столбец {{otherColumn}})',
      unknown_column: 'Столбец не распознан и пропущен',
      empty_cell: 'Значение обязательно',
      too_long: 'Длиннее {{max}} символов',
      name_incomplete: 'Укажите как минимум фамилию и имя',
      date_in_text_cell:
        'Excel превратил это значение в дату; задайте столбцу текстовый формат и введите значение заново',
      birth_date_in_future:
        'По ИИН дата рождения в будущем ({{birthDate}}); проверьте, нет ли опечатки',
      iin_zeros_restored: 'Excel отбросил ведущие нули ИИН; прочитано как {{iin}}',
      unknown_region: 'Неизвестный регион «{{value}}»',
      unknown_role: 'Неизвестная роль «{{value}}»; допустимо: {{allowed}}',
      invalid_flag: '«{{value}}» — это не «да» и не «нет»',
      duplicate_in_file: 'Такой же ИИН уже есть в строке {{firstRow}}',
      already_registered: 'Человек с таким ИИН уже зарегистрирован',
      unknown_variant: 'В сессии нет варианта задания {{value}}: её варианты — с 1 по {{variants}}',
      unknown_college:
        'Колледж «{{value}}» не зарегистрирован: сначала добавьте его или исправьте название',
      too_many_rows: 'В файле {{count}} строк; за один раз можно загрузить не более {{limit}}',
      too_many_errors: 'Ещё {{count}} ошибок не показано; исправьте эти и загрузите файл снова',
    },
  },
  kk: {
    field: {
      name: 'Аты-жөні',
      fullName: 'Аты-жөні',
      lastName: 'Тегі',
      firstName: 'Аты',
      middleName: 'Әкесінің аты',
      iin: 'ЖСН',
      college: 'Колледж',
      region: 'Өңір',
      group: 'Топ',
      taskVariant: 'Тапсырма нұсқасы',
      guest: 'Қонақ',
      delegation: 'Делегация',
      certificate: 'Сертификат',
      role: 'Рөлі',
      employer: 'Жұмыс беруші',
    },
    where: {
      file: 'Файл',
      row: '{{row}}-жол',
      column: '{{letter}} бағаны ({{header}})',
      rowColumn: '{{row}}-жол, {{letter}} бағаны ({{header}})',
    },
    issue: {
      file_empty: 'Файл бос',
      file_too_large: 'Файл {{limit}} шамасынан үлкен',
      file_type_unsupported: 'Бұл Excel кітабы (.xlsx) да, CSV файлы да емес',
      file_legacy_xls:
        'Бұл Excel-дің ескі пішімі (.xls) немесе құпиясөзбен қорғалған кітап; файлды құпиясөзсіз Excel кітабы (.xlsx) ретінде сақтаңыз',
      file_not_utf8: 'CSV файлы UTF-8 кодтауында емес; Excel-де оны «CSV UTF-8» ретінде сақтаңыз',
      file_unreadable: 'Excel кітабы зақымдалған немесе оқылмайды',
      file_unpacks_too_large: 'Excel кітабы ашылғанда {{limit}} шамасынан үлкен болады',
      no_worksheet: 'Кітапта деректері бар парақ жоқ',
      csv_unterminated_quote: 'Тырнақшадағы ұяшық осы жерде ашылады, бірақ тырнақша жабылмаған',
      csv_text_after_quote:
        'Жабатын тырнақшадан кейін мәтін тұр; бүкіл ұяшықты тырнақшаға алып, ішіндегі тырнақшаларды екі еселеңіз',
      header_not_found:
        'Тақырып жолы табылмады; алғашқы жолдарда бағандардың атауы болуы керек: {{columns}}',
      missing_column: '«{{fieldName}}» міндетті бағаны жоқ',
      missing_name_column:
        'Аты-жөні бағаны жоқ: «Аты-жөні» бағанын немесе «Тегі» мен «Аты» бағандарын қосыңыз',
      duplicate_column:
        '«{{fieldName}}» бағаны екі рет кездеседі ({{otherColumn}} бағанында да бар)',
      unknown_column: 'Баған танылмады, сондықтан өткізіліп жіберілді',
      empty_cell: 'Бұл мән міндетті',
      too_long: '{{max}} таңбадан ұзын',
      name_incomplete: 'Кемінде тегі мен атын жазыңыз',
      date_in_text_cell:
        'Excel бұл мәнді күнге айналдырып жіберген; бағанға мәтіндік пішім беріп, мәнді қайта енгізіңіз',
      birth_date_in_future:
        'ЖСН бойынша туған күн болашақта ({{birthDate}}); қате терілмегенін тексеріңіз',
      iin_zeros_restored: 'Excel ЖСН-нің басындағы нөлдерді алып тастаған; {{iin}} деп оқылды',
      unknown_region: 'Белгісіз өңір: «{{value}}»',
      unknown_role: 'Белгісіз рөл: «{{value}}»; рұқсат етілгендері: {{allowed}}',
      invalid_flag: '«{{value}}» — «иә» да, «жоқ» та емес',
      duplicate_in_file: 'Дәл осындай ЖСН {{firstRow}}-жолда бар',
      already_registered: 'Осы ЖСН-мен адам тіркеліп қойған',
      unknown_variant:
        'Сессияда {{value}} тапсырма нұсқасы жоқ: оның нұсқалары 1-ден {{variants}}-ге дейін',
      unknown_college:
        '«{{value}}» колледжі тіркелмеген: алдымен оны қосыңыз немесе атауын түзетіңіз',
      too_many_rows: 'Файлда {{count}} жол бар; бір рет {{limit}} жолдан артық жүктеуге болмайды',
      too_many_errors: 'Тағы {{count}} қате көрсетілмеді; осыларды түзетіп, файлды қайта жүктеңіз',
    },
  },
});
