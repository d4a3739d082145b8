import { defineNamespace } from './messages';

/** API error codes and validation messages, shown to the caller in its language. */
export const errors = defineNamespace({
  en: {
    code: {
      validation_failed: 'Some of what was entered needs correcting',
      not_found: 'Not found',
      unauthorized: 'Sign in first',
      forbidden: 'You do not have access to this',
      invalid_pin: 'Wrong PIN; nothing was signed',
      conflict: 'Someone changed this at the same time; reload and try again',
      not_final:
        '{{count}} results are not final yet (not every criterion is marked); export a draft or finish the marking',
      refused: 'Refused; nothing was changed',
      rate_limited: 'Too many attempts; try again in {{seconds}} s',
      payload_too_large: 'The upload is too large (at most {{limit}})',
      unsupported_media_type: 'This file type is not accepted here',
      bad_origin: 'The request came from another site and was refused',
      bad_json: 'The request body is not valid JSON',
      bad_path:
        'The address has a malformed %-escape (a % must be followed by two hex digits of UTF-8)',
      bad_charset: 'The request body must be UTF-8 JSON; the charset “{{charset}}” is not accepted',
      bad_encoding:
        'The request body could not be read as its Content-Encoding “{{encoding}}” says (accepted: gzip, deflate, br, or none)',
      bad_request: 'The request could not be read',
      internal: 'Something went wrong on the server; the change was not applied',
    },
    issue: {
      required: 'Required',
      invalid_type: 'Expected {{expected}}',
      too_small_string: 'At least {{minimum}} characters',
      too_big_string: 'At most {{maximum}} characters',
      too_small_number: 'Must be at least {{minimum}}',
      too_big_number: 'Must be at most {{maximum}}',
      too_small_array: 'At least {{minimum}} items',
      too_big_array: 'At most {{maximum}} items',
      invalid_format: 'Invalid format ({{format}})',
      invalid_value: 'Must be one of: {{values}}',
      unrecognized_keys: 'Unknown fields: {{keys}}',
      not_multiple_of: 'Must be a multiple of {{divisor}}',
      invalid: 'Invalid value',
    },
    text: {
      nul: 'Must not contain the null character ({{character}}); it is character {{position}}',
      bidi: 'Must not contain the invisible text-direction control {{character}} (character {{position}}): it makes text show in another order than it was typed',
      surrogate:
        'Contains a broken character (half of a UTF-16 pair, {{character}}) at character {{position}}; type the text again',
    },
    type: {
      string: 'text',
      number: 'a number',
      boolean: 'yes/no',
      object: 'an object',
      array: 'a list',
      date: 'a date',
    },
  },
  ru: {
    code: {
      validation_failed: 'Проверьте введённые данные: не всё заполнено верно',
      not_found: 'Не найдено',
      unauthorized: 'Сначала войдите в систему',
      forbidden: 'У вас нет доступа к этому',
      invalid_pin: 'Неверный PIN-код; ничего не подписано',
      conflict: 'Кто-то изменил это одновременно с вами; обновите страницу и повторите',
      not_final:
        'Результатов, ещё не окончательных (оценены не все критерии): {{count}}; выгрузите черновик или завершите оценку',
      refused: 'Отклонено; ничего не изменено',
      rate_limited: 'Слишком много попыток; повторите через {{seconds}} с',
      payload_too_large: 'Файл слишком большой (не более {{limit}})',
      unsupported_media_type: 'Этот тип файла здесь не принимается',
      bad_origin: 'Запрос пришёл с другого сайта и отклонён',
      bad_json: 'Тело запроса — не корректный JSON',
      bad_path:
        'В адресе неверная %-последовательность (после % должны идти две шестнадцатеричные цифры UTF-8)',
      bad_charset: 'Тело запроса должно быть JSON в UTF-8; кодировка «{{charset}}» не принимается',
      bad_encoding:
        'Тело запроса не читается так, как указано в Content-Encoding «{{encoding}}» (принимаются gzip, deflate, br или без сжатия)',
      bad_request: 'Запрос не удалось прочитать',
      internal: 'На сервере произошла ошибка; изменение не применено',
    },
    issue: {
      required: 'Обязательное поле',
      invalid_type: 'Ожидается {{expected}}',
      too_small_string: 'Не менее {{minimum}} символов',
      too_big_string: 'Не более {{maximum}} символов',
      too_small_number: 'Не меньше {{minimum}}',
      too_big_number: 'Не больше {{maximum}}',
      too_small_array: 'Не менее {{minimum}} элементов',
      too_big_array: 'Не более {{maximum}} элементов',
      invalid_format: 'Неверный формат ({{format}})',
      invalid_value: 'Допустимые значения: {{values}}',
      unrecognized_keys: 'Неизвестные поля: {{keys}}',
      not_multiple_of: 'Должно быть кратно {{divisor}}',
      invalid: 'Недопустимое значение',
    },
    text: {
      nul: 'Не должно содержать нулевой символ ({{character}}); это символ {{position}}',
      bidi: 'Не должно содержать невидимый символ направления текста {{character}} (символ {{position}}): из-за него текст показывается не в том порядке, в каком набран',
      surrogate:
        'Содержит испорченный символ (половину пары UTF-16, {{character}}) на месте {{position}}; наберите текст заново',
    },
    type: {
      string: 'текст',
      number: 'число',
      boolean: 'да/нет',
      object: 'объект',
      array: 'список',
      date: 'дата',
    },
  },
  kk: {
    code: {
      validation_failed: 'Енгізілген деректерді тексеріңіз: бәрі дұрыс толтырылмаған',
      not_found: 'Табылмады',
      unauthorized: 'Алдымен жүйеге кіріңіз',
      forbidden: 'Бұған қол жеткізу құқығыңыз жоқ',
      invalid_pin: 'PIN-код қате; ештеңеге қол қойылмады',
      conflict: 'Мұны басқа біреу бір уақытта өзгертті; бетті жаңартып, қайталаңыз',
      not_final:
        'Түпкілікті емес нәтижелер саны: {{count}} (барлық критерийлер бағаланбаған); жобаны түсіріңіз немесе бағалауды аяқтаңыз',
      refused: 'Қабылданбады; ештеңе өзгермеді',
      rate_limited: 'Әрекет тым көп; {{seconds}} с кейін қайталаңыз',
      payload_too_large: 'Файл тым үлкен ({{limit}} аспауы керек)',
      unsupported_media_type: 'Бұл файл түрі мұнда қабылданбайды',
      bad_origin: 'Сұрау басқа сайттан келді және қабылданбады',
      bad_json: 'Сұрау мәтіні дұрыс JSON емес',
      bad_path:
        'Мекенжайдағы %-тізбек қате (% белгісінен кейін UTF-8-тің екі он алтылық цифры тұруы керек)',
      bad_charset:
        'Сұрау мәтіні UTF-8 кодтауындағы JSON болуы керек; «{{charset}}» кодтауы қабылданбайды',
      bad_encoding:
        'Сұрау мәтінін Content-Encoding «{{encoding}}» айтқандай оқу мүмкін болмады (gzip, deflate, br немесе сығылмаған түрі қабылданады)',
      bad_request: 'Сұрауды оқу мүмкін болмады',
      internal: 'Серверде қате болды; өзгеріс енгізілмеді',
    },
    issue: {
      required: 'Міндетті өріс',
      invalid_type: '{{expected}} күтіледі',
      too_small_string: 'Кемінде {{minimum}} таңба',
      too_big_string: 'Көп дегенде {{maximum}} таңба',
      too_small_number: 'Кемінде {{minimum}} болуы керек',
      too_big_number: 'Көп дегенде {{maximum}} болуы керек',
      too_small_array: 'Кемінде {{minimum}} элемент',
      too_big_array: 'Көп дегенде {{maximum}} элемент',
      invalid_format: 'Пішімі қате ({{format}})',
      invalid_value: 'Рұқсат етілген мәндер: {{values}}',
      unrecognized_keys: 'Белгісіз өрістер: {{keys}}',
      not_multiple_of: '{{divisor}} еселігі болуы керек',
      invalid: 'Жарамсыз мән',
    },
    text: {
      nul: 'Нөлдік таңба ({{character}}) болмауы керек; ол — {{position}}-таңба',
      bidi: 'Мәтін бағытын басқаратын көрінбейтін {{character}} таңбасы болмауы керек ({{position}}-таңба): ол мәтінді терілген ретінен басқаша көрсетеді',
      surrogate:
        'Бұзылған таңба бар (UTF-16 жұбының жартысы, {{character}}), {{position}}-таңба; мәтінді қайта теріңіз',
    },
    type: {
      string: 'мәтін',
      number: 'сан',
      boolean: 'иә/жоқ',
      object: 'объект',
      array: 'тізім',
      date: 'күн',
    },
  },
});
