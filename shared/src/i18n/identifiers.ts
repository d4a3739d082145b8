import { defineNamespace } from './messages';

/** IIN and BIN: names, parts, and every reason a number is rejected. */
export const identifiers = defineNamespace({
  en: {
    iin: {
      name: 'IIN',
      non_digit: 'The IIN must contain digits only; character {{position}} is not a digit',
      length: 'The IIN must have 12 digits, not {{length}}',
      century: 'The 7th digit of the IIN (century and sex) must be 1 to 6, not {{digit}}',
      date: 'The first six digits of the IIN are not a real birth date (YYMMDD)',
      check_digit:
        'The IIN check digit does not match: the last digit should be {{expected}}; check for a typo',
      never_issued: 'No IIN is issued with these first 11 digits; check for a typo',
    },
    bin: {
      name: 'BIN',
      non_digit: 'The BIN must contain digits only; character {{position}} is not a digit',
      length: 'The BIN must have 12 digits, not {{length}}',
      date: 'Digits 3-4 of the BIN are the registration month: 01 to 12, not {{month}}',
      type: 'The 5th digit of the BIN (organisation type) must be 4, 5 or 6, not {{digit}}',
      attribute: 'The 6th digit of the BIN (head office, branch, …) must be 0 to 3, not {{digit}}',
      check_digit:
        'The BIN check digit does not match: the last digit should be {{expected}}; check for a typo',
      never_issued: 'No BIN is issued with these first 11 digits; check for a typo',
      type_name: {
        resident: 'Resident legal entity',
        non_resident: 'Non-resident legal entity',
        joint_entrepreneurship: 'Joint individual entrepreneurship',
      },
      attribute_name: {
        head_office: 'Head office',
        branch: 'Branch',
        representative_office: 'Representative office',
        peasant_farm: 'Peasant farm',
      },
    },
  },
  ru: {
    iin: {
      name: 'ИИН',
      non_digit: 'ИИН должен состоять только из цифр; символ {{position}} — не цифра',
      length: 'В ИИН должно быть 12 цифр, а не {{length}}',
      century: '7-я цифра ИИН (век и пол) должна быть от 1 до 6, а не {{digit}}',
      date: 'Первые шесть цифр ИИН не образуют существующую дату рождения (ГГММДД)',
      check_digit:
        'Контрольный разряд ИИН не сходится: последняя цифра должна быть {{expected}}; проверьте, нет ли опечатки',
      never_issued: 'ИИН с такими первыми 11 цифрами не выдаётся; проверьте, нет ли опечатки',
    },
    bin: {
      name: 'БИН',
      non_digit: 'БИН должен состоять только из цифр; символ {{position}} — не цифра',
      length: 'В БИН должно быть 12 цифр, а не {{length}}',
      date: '3-я и 4-я цифры БИН — месяц регистрации: от 01 до 12, а не {{month}}',
      type: '5-я цифра БИН (тип организации) должна быть 4, 5 или 6, а не {{digit}}',
      attribute:
        '6-я цифра БИН (головное подразделение, филиал, …) должна быть от 0 до 3, а не {{digit}}',
      check_digit:
        'Контрольный разряд БИН не сходится: последняя цифра должна быть {{expected}}; проверьте, нет ли опечатки',
      never_issued: 'БИН с такими первыми 11 цифрами не выдаётся; проверьте, нет ли опечатки',
      type_name: {
        resident: 'Юридическое лицо — резидент',
        non_resident: 'Юридическое лицо — нерезидент',
        joint_entrepreneurship: 'Совместное индивидуальное предпринимательство',
      },
      attribute_name: {
        head_office: 'Головное подразделение',
        branch: 'Филиал',
        representative_office: 'Представительство',
        peasant_farm: 'Крестьянское (фермерское) хозяйство',
      },
    },
  },
  kk: {
    iin: {
      name: 'ЖСН',
      non_digit: 'ЖСН тек цифрлардан тұруы керек; {{position}}-таңба цифр емес',
      length: 'ЖСН-де {{length}} емес, 12 цифр болуы керек',
      century: 'ЖСН-нің 7-цифры (ғасыр және жыныс) {{digit}} емес, 1-ден 6-ға дейін болуы керек',
      date: 'ЖСН-нің алғашқы алты цифры нақты туған күнді (ЖЖААКК) құрамайды',
      check_digit:
        'ЖСН-нің бақылау разряды сәйкес келмейді: соңғы цифр {{expected}} болуы керек; қате терілмегенін тексеріңіз',
      never_issued: 'Алғашқы 11 цифры осындай ЖСН берілмейді; қате терілмегенін тексеріңіз',
    },
    bin: {
      name: 'БСН',
      non_digit: 'БСН тек цифрлардан тұруы керек; {{position}}-таңба цифр емес',
      length: 'БСН-де {{length}} емес, 12 цифр болуы керек',
      date: 'БСН-нің 3-және 4-цифрлары — тіркелген ай: {{month}} емес, 01-ден 12-ге дейін',
      type: 'БСН-нің 5-цифры (ұйым түрі) {{digit}} емес, 4, 5 немесе 6 болуы керек',
      attribute:
        'БСН-нің 6-цифры (бас бөлімше, филиал, …) {{digit}} емес, 0-ден 3-ке дейін болуы керек',
      check_digit:
        'БСН-нің бақылау разряды сәйкес келмейді: соңғы цифр {{expected}} болуы керек; қате терілмегенін тексеріңіз',
      never_issued: 'Алғашқы 11 цифры осындай БСН берілмейді; қате терілмегенін тексеріңіз',
      type_name: {
        resident: 'Резидент заңды тұлға',
        non_resident: 'Бейрезидент заңды тұлға',
        joint_entrepreneurship: 'Бірлескен жеке кәсіпкерлік',
      },
      attribute_name: {
        head_office: 'Бас бөлімше',
        branch: 'Филиал',
        representative_office: 'Өкілдік',
        peasant_farm: 'Шаруа (фермер) қожалығы',
      },
    },
  },
});
