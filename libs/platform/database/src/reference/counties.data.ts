/**
 * The 22 organisers of social and health services on the mainland (21 wellbeing services counties and
 * the City of Helsinki): the tenants of Lähde.
 * Source: codes from Statistics Finland's wellbeing services county classification (2023-);
 * populations at 31.12.2024 from the Ministry of Finance's financing calculation for 2026
 * (Hyvinvointialueiden rahoituslaskelma 2026, 26.6.2025). The 22 rows add up to 5,605,317.
 */
export const COUNTY_POPULATION_SOURCE = 'Valtiovarainministeriö, Hyvinvointialueiden rahoituslaskelma 2026 (26.6.2025), väkiluku 31.12.2024';
export const COUNTY_POPULATION_YEAR = 2024;

/** code, name_fi, name_sv, name_en, population at 31.12.2024, map id */
export const COUNTIES: ReadonlyArray<readonly [string, string, string, string, number, string]> = [
  ["01", "Itä-Uudenmaan hyvinvointialue", "Östra Nylands välfärdsområde", "East Uusimaa Wellbeing Services County", 99415, "IU"],
  ["02", "Keski-Uudenmaan hyvinvointialue", "Mellersta Nylands välfärdsområde", "Central Uusimaa Wellbeing Services County", 207070, "KU"],
  ["03", "Länsi-Uudenmaan hyvinvointialue", "Västra Nylands välfärdsområde", "West Uusimaa Wellbeing Services County", 502067, "LU"],
  ["04", "Vantaan ja Keravan hyvinvointialue", "Vanda och Kervo välfärdsområde", "Vantaa and Kerava Wellbeing Services County", 289730, "VK"],
  ["05", "Varsinais-Suomen hyvinvointialue", "Egentliga Finlands välfärdsområde", "Southwest Finland Wellbeing Services County", 494819, "VS"],
  ["06", "Satakunnan hyvinvointialue", "Satakunta välfärdsområde", "Satakunta Wellbeing Services County", 211261, "SA"],
  ["07", "Kanta-Hämeen hyvinvointialue", "Egentliga Tavastlands välfärdsområde", "Kanta-Häme Wellbeing Services County", 169455, "KH"],
  ["08", "Pirkanmaan hyvinvointialue", "Birkalands välfärdsområde", "Pirkanmaa Wellbeing Services County", 545406, "PI"],
  ["09", "Päijät-Hämeen hyvinvointialue", "Päijänne-Tavastlands välfärdsområde", "Päijät-Häme Wellbeing Services County", 204635, "PH"],
  ["10", "Kymenlaakson hyvinvointialue", "Kymmenedalens välfärdsområde", "Kymenlaakso Wellbeing Services County", 157442, "KY"],
  ["11", "Etelä-Karjalan hyvinvointialue", "Södra Karelens välfärdsområde", "South Karelia Wellbeing Services County", 125083, "EK"],
  ["12", "Etelä-Savon hyvinvointialue", "Södra Savolax välfärdsområde", "South Savo Wellbeing Services County", 129376, "ES"],
  ["13", "Pohjois-Savon hyvinvointialue", "Norra Savolax välfärdsområde", "North Savo Wellbeing Services County", 248815, "PS"],
  ["14", "Pohjois-Karjalan hyvinvointialue", "Norra Karelens välfärdsområde", "North Karelia Wellbeing Services County", 162091, "PK"],
  ["15", "Keski-Suomen hyvinvointialue", "Mellersta Finlands välfärdsområde", "Central Finland Wellbeing Services County", 274112, "KS"],
  ["16", "Etelä-Pohjanmaan hyvinvointialue", "Södra Österbottens välfärdsområde", "South Ostrobothnia Wellbeing Services County", 189929, "EP"],
  ["17", "Pohjanmaan hyvinvointialue", "Österbottens välfärdsområde", "Ostrobothnia Wellbeing Services County", 178749, "PO"],
  ["18", "Keski-Pohjanmaan hyvinvointialue", "Mellersta Österbottens välfärdsområde", "Central Ostrobothnia Wellbeing Services County", 67723, "KP"],
  ["19", "Pohjois-Pohjanmaan hyvinvointialue", "Norra Österbottens välfärdsområde", "North Ostrobothnia Wellbeing Services County", 418331, "PP"],
  ["20", "Kainuun hyvinvointialue", "Kajanalands välfärdsområde", "Kainuu Wellbeing Services County", 69639, "KA"],
  ["21", "Lapin hyvinvointialue", "Lapplands välfärdsområde", "Lapland Wellbeing Services County", 176151, "LA"],
  ["90", "Helsingin kaupunki", "Helsingfors stad", "City of Helsinki", 684018, "HKI"],
];
