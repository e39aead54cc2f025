"""Demo content for the wagtail-kratom demo site, written by the project team.

Two topic hubs ("Kratom and liver health" and "Kratom, dependence and
withdrawal"), each with one risk page and one harm-reduction (safe_use)
guide, plus contributors and standard disclaimers.

The text is original writing based on published sources. Every article
carries its own numbered reference list ("citations"), and health claims in
the body text name the source they rely on. Dosage figures are ranges that
people reported to researchers; they are not recommendations, and no dose of
kratom is known to be safe. Legal information is dated ("as_of") and must be
re-checked before any real-world use.

Contributor names are fictional placeholders for the demo site, and the reviewers say so
to readers next to their names.
"""

#: Shown next to each demo reviewer's name wherever they are credited.
FICTIONAL_REVIEWER_NOTE = "fictional reviewer for this demo site"

CONTRIBUTORS = [
    {
        "key": "editorial-team",
        "name": "wagtail-kratom Editorial Team",
        "credentials": "",
        "role": "Health information editors",
        "is_organisation": True,
        "url": "",
    },
    {
        "key": "reviewer-liver",
        "name": "Dr Alex Morgan",
        "credentials": "MBBS, MRCP",
        "role": "Consultant hepatologist (medical reviewer)",
        "note": FICTIONAL_REVIEWER_NOTE,
        "is_organisation": False,
        "url": "",
    },
    {
        "key": "reviewer-addiction",
        "name": "Dr Sam Rivers",
        "credentials": "MB ChB, MRCPsych",
        "role": "Consultant in addiction psychiatry (medical reviewer)",
        "note": FICTIONAL_REVIEWER_NOTE,
        "is_organisation": False,
        "url": "",
    },
]

DISCLAIMERS = [
    {
        "kind": "medical",
        "title": "General information, not medical advice",
        "body": (
            "<p>This page gives general health information. It is not medical advice "
            "and cannot diagnose or treat any condition.</p>"
            "<p>Talk to a doctor, nurse or pharmacist about your own situation, "
            "especially if you take prescribed medicines, are pregnant or "
            "breastfeeding, or have liver, heart or mental health problems. "
            "<strong>Do not stop a prescribed medicine without advice.</strong></p>"
        ),
    },
    {
        "kind": "dosage",
        "title": "About the amounts on this page",
        "body": (
            "<p>Any amounts shown are what people reported in research studies and "
            "surveys. <strong>They are not recommendations, and no dose of kratom is "
            "known to be safe.</strong></p>"
            "<p>Kratom products vary a lot in strength and contents, so the same "
            "weight can contain very different amounts of active substances. Risk goes "
            "up with larger amounts, frequent use, concentrated products and mixing "
            "kratom with alcohol or other drugs.</p>"
        ),
    },
    {
        "kind": "legal",
        "title": "Laws differ and change",
        "body": (
            "<p>Kratom laws are different between countries, states and cities, and "
            "they change often. Legal information here was checked on the date shown "
            "next to it. It is not legal advice.</p>"
            "<p>Always check the current law where you live and anywhere you travel.</p>"
        ),
    },
    {
        "kind": "emergency",
        "title": "In an emergency",
        "body": (
            "<p>If someone is breathing very slowly or not at all, cannot be woken, "
            "is having a seizure (fit) or has chest pain, <strong>call your local "
            "emergency number now</strong>:</p>"
            "<ul><li>UK: 999</li><li>US: 911</li><li>EU: 112</li></ul>"
            "<p>For poisoning advice in the US, call Poison Help on 1-800-222-1222. "
            "In the UK, call NHS 111 for urgent advice that is not an emergency.</p>"
            "<p>Tell them what was taken, how much and when. Stay with the person. "
            "If they are breathing but will not wake, lie them on their side in the "
            "recovery position.</p>"
        ),
    },
    {
        "kind": "evidence",
        "title": "How strong is the evidence?",
        "body": (
            "<p>Most of what is known about kratom comes from case reports, poison "
            "centre records, death investigations and surveys. There are very few "
            "controlled studies in people.</p>"
            "<p>This means we know more about <em>what</em> can go wrong than about "
            "<em>how often</em> it happens, and advice may change as new research "
            "appears. Each page shows the date it was last reviewed.</p>"
        ),
    },
]

#: Every source the demo articles cite, by key; an article lists the keys of its reference list in order.
SOURCES = {
    "livertox": {
        "title": "Kratom",
        "authors": "",
        "publisher": "LiverTox: Clinical and Research Information on Drug-Induced Liver Injury. Bethesda (MD): National Institute of Diabetes and Digestive and Kidney Diseases",
        "year": 2012,
        "url": "https://www.ncbi.nlm.nih.gov/books/NBK548231/",
        "doi": "",
        "pmid": "31643556",
        "accessed": "2026-09-01",
    },
    "schimmel-2020": {
        "title": "Kratom (Mitragyna speciosa) liver injury: a comprehensive review",
        "authors": "Schimmel J, Dart RC",
        "publisher": "Drugs, 80(3):263-283",
        "year": 2020,
        "url": "https://doi.org/10.1007/s40265-019-01242-6",
        "doi": "10.1007/s40265-019-01242-6",
        "pmid": "",
        "accessed": "2026-09-01",
    },
    "ahmad-2021": {
        "title": "Liver injury associated with kratom, a popular opioid-like product: experience from the U.S. drug induced liver injury network and a review of the literature",
        "authors": "Ahmad J, Odin JA, Hayashi PH, Fontana RJ, Conjeevaram H, Avula B, Khan IA, Barnhart H, Vuppalanchi R, Navarro VJ",
        "publisher": "Drug and Alcohol Dependence, 218:108426",
        "year": 2021,
        "url": "https://doi.org/10.1016/j.drugalcdep.2020.108426",
        "doi": "10.1016/j.drugalcdep.2020.108426",
        "pmid": "33257199",
        "accessed": "2026-09-01",
    },
    "fda-2018": {
        "title": "Statement from FDA Commissioner Scott Gottlieb, M.D., on the agency's scientific evidence on the presence of opioid compounds in kratom, underscoring its potential for abuse",
        "authors": "Gottlieb S",
        "publisher": "US Food and Drug Administration",
        "year": 2018,
        "url": "https://www.fda.gov/news-events/press-announcements/statement-fda-commissioner-scott-gottlieb-md-agencys-scientific-evidence-presence-opioid-compounds-kratom-underscoring",
        "doi": "",
        "pmid": "",
        "accessed": "2026-09-01",
    },
    "fda-metals-2019": {
        "title": "FDA In Brief: FDA releases test results identifying dangerous levels of heavy metals in certain kratom products",
        "authors": "",
        "publisher": "US Food and Drug Administration",
        "year": 2019,
        "url": "https://www.fda.gov/news-events/fda-brief/fda-brief-fda-releases-test-results-identifying-dangerous-levels-heavy-metals-certain-kratom",
        "doi": "",
        "pmid": "",
        "accessed": "2026-09-01",
    },
    "cdc-salmonella-2018": {
        "title": "Multistate Outbreak of Salmonella Infections Linked to Kratom Products (Final Update)",
        "authors": "",
        "publisher": "Centers for Disease Control and Prevention",
        "year": 2018,
        "url": "https://www.cdc.gov/salmonella/kratom-02-18/index.html",
        "doi": "",
        "pmid": "",
        "accessed": "2026-09-01",
    },
    "livertox-acetaminophen": {
        "title": "Acetaminophen",
        "authors": "",
        "publisher": "LiverTox: Clinical and Research Information on Drug-Induced Liver Injury. Bethesda (MD): National Institute of Diabetes and Digestive and Kidney Diseases",
        "year": 2012,
        "url": "https://www.ncbi.nlm.nih.gov/books/NBK548162/",
        "doi": "",
        "pmid": "",
        "accessed": "2026-09-01",
    },
    "tanna-2023": {
        "title": "Clinical assessment of the drug interaction potential of the psychotropic natural product kratom",
        "authors": "Tanna RS, Nguyen JT, Hadi DL, Layton ME, White JR, Cech NB, Oberlies NH, Rettie AE, Thummel KE, Paine MF",
        "publisher": "Clinical Pharmacology & Therapeutics, 113(6):1315-1325",
        "year": 2023,
        "url": "https://doi.org/10.1002/cpt.2891",
        "doi": "10.1002/cpt.2891",
        "pmid": "36924284",
        "accessed": "2026-09-01",
    },
    "eastlack-2020": {
        "title": "Kratom - pharmacology, clinical implications, and outlook: a comprehensive review",
        "authors": "Eastlack SC, Cornett EM, Kaye AD",
        "publisher": "Pain and Therapy, 9(1):55-69",
        "year": 2020,
        "url": "https://doi.org/10.1007/s40122-020-00151-x",
        "doi": "10.1007/s40122-020-00151-x",
        "pmid": "",
        "accessed": "2026-09-20",
    },
    "singh-2014": {
        "title": "Kratom (Mitragyna speciosa) dependence, withdrawal symptoms and craving in regular users",
        "authors": "Singh D, Müller CP, Vicknasingam BK",
        "publisher": "Drug and Alcohol Dependence, 139:132-137",
        "year": 2014,
        "url": "https://doi.org/10.1016/j.drugalcdep.2014.03.017",
        "doi": "10.1016/j.drugalcdep.2014.03.017",
        "pmid": "24698080",
        "accessed": "2026-09-20",
    },
    "garcia-romeu-2020": {
        "title": "Kratom (Mitragyna speciosa): user demographics, use patterns, and implications for the opioid epidemic",
        "authors": "Garcia-Romeu A, Cox DJ, Smith KE, Dunn KE, Griffiths RR",
        "publisher": "Drug and Alcohol Dependence, 208:107849",
        "year": 2020,
        "url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC7423016/",
        "doi": "10.1016/j.drugalcdep.2020.107849",
        "pmid": "",
        "accessed": "2026-09-20",
    },
    "smith-2022": {
        "title": "Searching for a signal: self-reported kratom dose-effect relationships among a sample of US adults with regular kratom use histories",
        "authors": "Smith KE, Rogers JM, Dunn KE, Grundmann O, McCurdy CR, Schriefer D, Epstein DH",
        "publisher": "Frontiers in Pharmacology, 13:765917",
        "year": 2022,
        "url": "https://doi.org/10.3389/fphar.2022.765917",
        "doi": "10.3389/fphar.2022.765917",
        "pmid": "35300296",
        "accessed": "2026-09-20",
    },
    "mcwhirter-2010": {
        "title": "A case report of inpatient detoxification after kratom (Mitragyna speciosa) dependence",
        "authors": "McWhirter L, Morris S",
        "publisher": "European Addiction Research, 16(4):229-231",
        "year": 2010,
        "url": "https://doi.org/10.1159/000320288",
        "doi": "10.1159/000320288",
        "pmid": "20798544",
        "accessed": "2026-09-20",
    },
    "post-2019": {
        "title": "Kratom exposures reported to United States poison control centers: 2011-2017",
        "authors": "Post S, Spiller HA, Chounthirath T, Smith GA",
        "publisher": "Clinical Toxicology, 57(10):847-854",
        "year": 2019,
        "url": "https://doi.org/10.1080/15563650.2019.1569236",
        "doi": "10.1080/15563650.2019.1569236",
        "pmid": "",
        "accessed": "2026-09-20",
    },
    "olsen-2019": {
        "title": "Notes from the Field: Unintentional Drug Overdose Deaths with Kratom Detected - 27 States, July 2016-December 2017",
        "authors": "Olsen EO, O'Donnell J, Mattson CL, Schier JG, Wilson N",
        "publisher": "MMWR Morbidity and Mortality Weekly Report, 68(14):326-327",
        "year": 2019,
        "url": "https://www.cdc.gov/mmwr/volumes/68/wr/mm6814a2.htm",
        "doi": "10.15585/mmwr.mm6814a2",
        "pmid": "",
        "accessed": "2026-09-20",
    },
    "fda-7oh-2025": {
        "title": "FDA Takes Steps to Restrict 7-OH Opioid Products Threatening American Consumers",
        "authors": "",
        "publisher": "US Food and Drug Administration",
        "year": 2025,
        "url": "https://www.fda.gov/news-events/press-announcements/fda-takes-steps-restrict-7-oh-opioid-products-threatening-american-consumers",
        "doi": "",
        "pmid": "",
        "accessed": "2026-09-20",
    },
    "fda-kratom": {
        "title": "FDA and Kratom",
        "authors": "",
        "publisher": "US Food and Drug Administration",
        "url": "https://www.fda.gov/news-events/public-health-focus/fda-and-kratom",
        "doi": "",
        "pmid": "",
        "accessed": "2026-11-20",
    },
    "nida-kratom": {
        "title": "Kratom",
        "authors": "",
        "publisher": "National Institute on Drug Abuse (NIDA)",
        "url": "https://nida.nih.gov/research-topics/kratom",
        "doi": "",
        "pmid": "",
        "accessed": "2026-11-20",
    },
    "emcdda-kratom": {
        "title": "Kratom (Mitragyna speciosa) drug profile",
        "authors": "",
        "publisher": "European Monitoring Centre for Drugs and Drug Addiction (now the European Union Drugs Agency)",
        "url": "https://www.euda.europa.eu/publications/drug-profiles/kratom_en",
        "doi": "",
        "pmid": "",
        "accessed": "2026-11-20",
    },
    "nhs-arld": {
        "title": "Alcohol-related liver disease",
        "authors": "",
        "publisher": "NHS",
        "url": "https://www.nhs.uk/conditions/alcohol-related-liver-disease-arld/",
        "doi": "",
        "pmid": "",
        "accessed": "2026-11-20",
    },
}

#: The at-a-glance box both hubs show: the same plant, names and legal summary.
AT_A_GLANCE = {
    "scientific_name": "Mitragyna speciosa",
    "other_names": ["ketum", "biak", "thang", "kakuam", "thom"],
    "main_alkaloids": [
        "mitragynine",
        "paynantheine",
        "speciogynine",
        "speciociliatine",
    ],
    "legal_status_summary": (
        "Kratom is not approved as a medicine in the US and is not federally "
        "controlled there, although some states and cities ban it. It is "
        "restricted in the UK and controlled in Australia. Laws change often, "
        "so check current local law."
    ),
}

HUBS = [
    # ------------------------------------------------------------------
    # Hub 1: Kratom and liver health
    # ------------------------------------------------------------------
    {
        "slug": "kratom-and-liver-health",
        "title": "Kratom and liver health",
        "summary": (
            "Kratom has been linked to rare but sometimes serious liver injury. It "
            "usually shows up within a few weeks of starting regular use, with yellow "
            "skin or eyes, itching and dark urine, and most people recover after "
            "stopping. Kratom is not approved as a medicine, products vary in strength "
            "and purity, and no amount is known to be free of risk to the liver."
        ),
        "intro": (
            "<p>Kratom is made from the leaves of a tree that grows in Southeast Asia. "
            "People use it for energy, for pain, to cope with opioid withdrawal or to "
            "relax. This hub explains what is known about kratom and the liver, what is "
            "still uncertain, and where to find practical advice.</p>"
            "<p>The NIH liver-injury database LiverTox describes liver injury from "
            "kratom as rare, but it can be serious (LiverTox). Knowing the early signs "
            "helps you act quickly.</p>"
        ),
        "at_a_glance": AT_A_GLANCE,
        "sections": [
            {
                "heading": "What kratom is",
                "health_aspect": "OverviewHealthAspect",
                "content": [
                    (
                        "paragraph",
                        "<p>Kratom (<em>Mitragyna speciosa</em>) is a tree in the coffee "
                        "family. Its leaves are chewed, brewed as tea, or dried and sold "
                        "as powder, capsules and extracts. The leaves contain "
                        "chemicals called alkaloids. The main one, mitragynine, and "
                        "7-hydroxymitragynine, a minor alkaloid found in the leaf only in "
                        "small amounts, partly activate the same brain receptors "
                        "(mu-opioid receptors) as opioid painkillers (Schimmel and Dart, "
                        "2020; EMCDDA).</p>",
                    ),
                    (
                        "paragraph",
                        "<p>The US Food and Drug Administration (FDA) has not approved "
                        "kratom for any medical use. In 2018 it said there was no "
                        "reliable evidence that kratom treats opioid use disorder, and it "
                        "set out its concerns about abuse, addiction and serious harm "
                        "(FDA, 2018). The US National Institute on Drug Abuse also notes "
                        "that kratom is not approved for any medical use and that its "
                        "effects can be like both opioids and stimulants (NIDA).</p>",
                    ),
                ],
            },
            {
                "heading": "How kratom can affect the liver",
                "health_aspect": "RisksOrComplicationsHealthAspect",
                "content": [
                    (
                        "paragraph",
                        "<p>LiverTox lists kratom as a rare cause of liver injury that "
                        "causes symptoms. In reported cases, the injury usually appears "
                        "within about 1 to 8 weeks of starting regular use. It is most "
                        "often <strong>cholestatic</strong> (bile does not drain "
                        "properly) or <strong>mixed</strong> (bile flow and liver cells "
                        "are both affected) (LiverTox).</p>",
                    ),
                    (
                        "paragraph",
                        "<p>A 2020 review brought together 26 published case reports and "
                        "abstracts, plus more cases from US databases. Symptoms started a median of about "
                        "3 weeks after starting kratom (range 2 to 49 days). The most "
                        "common signs were tummy pain, yellow skin or eyes (jaundice), "
                        "itching and dark urine (Schimmel and Dart, 2020).</p>",
                    ),
                    (
                        "paragraph",
                        "<p>The US Drug-Induced Liver Injury Network found 11 cases it "
                        "linked to kratom. All 11 people developed jaundice, most needed "
                        "a hospital stay, and all eventually recovered. Symptoms began a "
                        "median of 14 days after starting kratom (Ahmad et al., "
                        "2021).</p>",
                    ),
                    (
                        "paragraph",
                        "<p>Most people recover, but not all cases are mild. A few severe "
                        "cases have been published, including people whose liver failed "
                        "and who needed a liver transplant (Schimmel and Dart, 2020).</p>",
                    ),
                ],
            },
            {
                "heading": "Common misunderstandings",
                "health_aspect": "MisconceptionsHealthAspect",
                "content": [
                    (
                        "paragraph",
                        "<p><strong>Myth: a plant product cannot hurt the liver.</strong> "
                        "Many plant products can injure the liver, and kratom is one of "
                        "them, even though this is rare (LiverTox).</p>",
                    ),
                    (
                        "paragraph",
                        "<p><strong>Myth: if it is sold in a shop, it has been "
                        "checked.</strong> In the US, the FDA does not approve or "
                        "quality-check kratom products. In 2018 an outbreak of "
                        "<em>Salmonella</em> linked to kratom made 199 people ill in 41 "
                        "US states (CDC, 2018). When the FDA tested 30 kratom products, "
                        "it found lead and nickel at levels that could cause harm with "
                        "long-term use (FDA, 2019).</p>",
                    ),
                    (
                        "paragraph",
                        "<p><strong>Myth: rare means it will not happen to me.</strong> "
                        "Researchers do not yet know which people are most at risk "
                        "(Schimmel and Dart, 2020). That is why everyone who uses kratom "
                        "should know the warning signs.</p>",
                    ),
                ],
            },
        ],
        "conclusion": (
            "<p>Kratom can injure the liver. This is rare, it usually shows up within "
            "weeks of starting regular use, and most people recover when they stop. If "
            "you use kratom, learn the warning signs and tell your doctor. Our pages on "
            "liver injury risks and on looking after your liver explain what to do.</p>"
        ),
        "citations": [
            "livertox",
            "schimmel-2020",
            "ahmad-2021",
            "fda-2018",
            "fda-metals-2019",
            "cdc-salmonella-2018",
            "nida-kratom",
            "emcdda-kratom",
        ],
        "topics": ["kratom", "liver", "drug-induced liver injury", "product quality"],
        "health_aspects": [],
        "author": "editorial-team",
        "reviewer": "reviewer-liver",
        "last_reviewed": "2026-09-15",
        "children": [
            # ----------------------------------------------------------
            # Hub 1, risk page
            # ----------------------------------------------------------
            {
                "type": "risk",
                "slug": "kratom-liver-injury-risks",
                "title": "Kratom and liver injury: risks and warning signs",
                "summary": (
                    "Kratom can cause liver injury, usually a few weeks after starting "
                    "regular use. Warning signs include yellow skin or eyes, dark urine, "
                    "pale stools, itching and tummy pain. Most people recover after "
                    "stopping, but some need hospital care. Products may also contain "
                    "heavy metals. Get medical advice the same day if you notice signs of "
                    "liver trouble."
                ),
                "intro": (
                    "<p>This page describes the liver-related risks linked to kratom, who "
                    "may be more at risk, and what to do if you notice symptoms.</p>"
                    "<p>It is based mainly on case reports and reviews. There are no large "
                    "studies that measure how often liver injury from kratom happens "
                    "(Schimmel and Dart, 2020).</p>"
                ),
                "sections": [
                    {
                        "heading": "Liver injury linked to kratom",
                        "health_aspect": "RisksOrComplicationsHealthAspect",
                        "content": [
                            (
                                "paragraph",
                                "<p>Doctors have published dozens of cases of liver "
                                "injury in people using kratom (Schimmel and Dart, 2020). "
                                "The injury is usually cholestatic or mixed, which means "
                                "bile does not drain properly from the liver. It can cause "
                                "deep jaundice and itching, and recovery can take several "
                                "weeks or longer (LiverTox).</p>",
                            ),
                            (
                                "risk",
                                {
                                    "name": "Drug-induced liver injury (kratom-associated hepatitis)",
                                    "severity": "high",
                                    "evidence_level": "case_reports",
                                    "description": (
                                        "<p>Kratom can cause acute liver injury. Symptoms "
                                        "usually begin about 1 to 8 weeks after starting "
                                        "regular use (LiverTox). In a US network study of 11 "
                                        "cases, everyone developed jaundice, most were "
                                        "admitted to hospital and all recovered after "
                                        "stopping kratom (Ahmad et al., 2021).</p>"
                                        "<p>How often this happens, and who is most at "
                                        "risk, is not yet known (Schimmel and Dart, 2020). "
                                        "The groups below are listed as a precaution.</p>"
                                    ),
                                    "warning_signs": [
                                        "Yellow skin or yellow whites of the eyes (jaundice)",
                                        "Dark urine, like tea or cola",
                                        "Pale or clay-coloured stools",
                                        "Itching all over the body",
                                        "Pain or discomfort in the upper right side of the tummy",
                                        "Feeling very tired, sick or off your food",
                                    ],
                                    "higher_risk_groups": [
                                        "People who already have liver disease",
                                        "People who drink alcohol heavily",
                                        "People who take other medicines or supplements that can harm the liver",
                                    ],
                                    "what_to_do": (
                                        "<p>Stop taking kratom and get medical advice the "
                                        "same day. Tell the doctor how much kratom you used, "
                                        "for how long, and about any other products, alcohol "
                                        "or medicines. Blood tests can check your liver.</p>"
                                    ),
                                    "citations": ["livertox", "ahmad-2021", "schimmel-2020"],
                                },
                            ),
                        ],
                    },
                    {
                        "heading": "Other risks to watch for",
                        "health_aspect": "SafetyHealthAspect",
                        "content": [
                            (
                                "paragraph",
                                "<p>What is in a product, and what you take alongside it, "
                                "can add to the harm. The evidence for these risks is "
                                "weaker than for kratom liver injury itself, so we grade "
                                "it carefully (FDA, 2019; LiverTox).</p>",
                            ),
                            (
                                "risk",
                                {
                                    "name": "Heavy metal contamination",
                                    "severity": "moderate",
                                    "evidence_level": "laboratory",
                                    "description": (
                                        "<p>When the FDA tested 30 kratom products, it found "
                                        "lead and nickel above the levels considered "
                                        "acceptable for daily intake by mouth. The FDA said "
                                        "people who use a lot of kratom for a long time "
                                        "could develop heavy metal poisoning, which can "
                                        "affect the nerves and kidneys, cause anaemia and "
                                        "raise blood pressure (FDA, 2019).</p>"
                                    ),
                                    "warning_signs": [
                                        "Unusual tiredness or pale skin, which can be signs of anaemia",
                                        "Numbness, tingling or weakness in the hands or feet",
                                        "High blood pressure found at a check-up",
                                    ],
                                    "higher_risk_groups": [
                                        "People who use kratom daily for months or years",
                                        "People who use large amounts",
                                        "People who use products with no independent lab testing",
                                    ],
                                    "what_to_do": (
                                        "<p>If you use kratom regularly and feel unwell, "
                                        "tell your doctor that you use it. A blood test can "
                                        "check for lead. Products with recent independent "
                                        "lab results for heavy metals may lower this risk, "
                                        "but they do not remove it.</p>"
                                    ),
                                    "citations": ["fda-metals-2019"],
                                },
                            ),
                            (
                                "risk",
                                {
                                    "name": "Combining kratom with other things that strain the liver",
                                    "severity": "moderate",
                                    "evidence_level": "expert_opinion",
                                    "description": (
                                        "<p>Some people in published kratom liver cases also "
                                        "drank heavily or took other herbal products, such "
                                        "as kava (LiverTox). It is not proven that this "
                                        "raises the risk from kratom. But alcohol and too "
                                        "much paracetamol (acetaminophen) can damage the "
                                        "liver on their own, and paracetamol overdose is a "
                                        "leading cause of sudden liver failure in the US "
                                        "(LiverTox, Acetaminophen).</p>"
                                    ),
                                    "warning_signs": [
                                        "Any of the signs of liver injury listed above",
                                        "Feeling unwell after drinking alcohol or taking painkillers",
                                    ],
                                    "higher_risk_groups": [
                                        "People who drink more than low-risk alcohol guidelines",
                                        "People who take paracetamol (acetaminophen) every day or in high doses",
                                        "People who take several herbal or dietary supplements",
                                    ],
                                    "what_to_do": (
                                        "<p>Avoid alcohol while using kratom. Keep "
                                        "paracetamol within the dose on the pack. Tell your "
                                        "pharmacist about kratom before starting any new "
                                        "medicine or supplement.</p>"
                                    ),
                                    "citations": ["livertox", "livertox-acetaminophen"],
                                },
                            ),
                        ],
                    },
                    {
                        "heading": "Warning signs and when to get help",
                        "health_aspect": "SeeDoctorHealthAspect",
                        "content": [
                            (
                                "paragraph",
                                "<p>The most common signs of kratom liver injury are tummy "
                                "pain, jaundice, itching and dark urine (Schimmel and Dart, "
                                "2020). Stopping kratom is the main treatment, and in "
                                "reported cases most people recovered once they stopped "
                                "(LiverTox).</p>",
                            ),
                            (
                                "care_card",
                                {
                                    "urgency": "urgent",
                                    "heading": "Get medical advice today if",
                                    "symptoms": [
                                        "your skin or the whites of your eyes turn yellow",
                                        "your urine is dark or your stools are pale",
                                        "you are itching all over and there is no rash",
                                        "you have pain in the upper right side of your tummy",
                                    ],
                                    "action": (
                                        "<p>Stop taking kratom. Contact your doctor or an "
                                        "urgent care service today. In the UK you can call "
                                        "NHS 111. Take the product or its label with you if "
                                        "you can.</p>"
                                    ),
                                },
                            ),
                            (
                                "care_card",
                                {
                                    "urgency": "emergency",
                                    "heading": "Call your emergency number if",
                                    "symptoms": [
                                        "you are confused, very sleepy or hard to wake",
                                        "you are vomiting blood or passing black, sticky stools",
                                        "you have yellow skin or eyes and you bruise or bleed easily",
                                        "you have severe tummy pain",
                                    ],
                                    "action": (
                                        "<p>Call 999 (UK), 911 (US) or 112 (EU). These can "
                                        "be signs of serious liver failure or bleeding and "
                                        "need hospital care straight away.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                ],
                "conclusion": (
                    "<p>Liver injury from kratom is rare but can be serious. Know the "
                    "warning signs, stop kratom if they appear, and get checked the same "
                    "day. Our guide to looking after your liver explains blood tests and "
                    "other ways to lower your risk.</p>"
                ),
                "citations": ["livertox", "livertox-acetaminophen", "schimmel-2020", "ahmad-2021", "fda-metals-2019"],
                "topics": [
                    "kratom",
                    "liver",
                    "drug-induced liver injury",
                    "warning signs",
                    "product quality",
                ],
                "health_aspects": ["SymptomsHealthAspect"],
                "author": "editorial-team",
                "reviewer": "reviewer-liver",
                "last_reviewed": "2026-09-15",
            },
            # ----------------------------------------------------------
            # Hub 1, safe-use guide
            # ----------------------------------------------------------
            {
                "type": "safe_use",
                "slug": "looking-after-your-liver-if-you-use-kratom",
                "title": "Looking after your liver if you use kratom",
                "summary": (
                    "If you use kratom, you can lower the strain on your liver by avoiding "
                    "alcohol, keeping paracetamol (acetaminophen) within label limits, "
                    "telling your doctor and asking about liver blood tests. Know the "
                    "warning signs: yellow skin or eyes, dark urine, pale stools and "
                    "itching. Stop kratom and get advice the same day if they appear."
                ),
                "intro": (
                    "<p>The only sure way to avoid liver injury from kratom is not to use "
                    "it. If you do use it, the steps on this page can help you spot "
                    "problems early and avoid adding other strains on your liver.</p>"
                    "<p>They are based on what is known about kratom liver injury "
                    "(LiverTox; Ahmad et al., 2021) and on general advice about medicines "
                    "that affect the liver.</p>"
                ),
                "sections": [
                    {
                        "heading": "Getting your liver checked",
                        "health_aspect": "SeeDoctorHealthAspect",
                        "content": [
                            (
                                "paragraph",
                                "<p>Liver function tests are simple blood tests. ALT and "
                                "AST show whether liver cells are being damaged. ALP and "
                                "bilirubin show whether bile is flowing properly, which is "
                                "the pattern most often affected by kratom (LiverTox). There "
                                "is no official testing schedule for people who use kratom, "
                                "so use the table below as a starting point to discuss with "
                                "your doctor.</p>",
                            ),
                            (
                                "monitoring",
                                {
                                    "rows": [
                                        {
                                            "test": "Liver function tests (ALT, AST, ALP, bilirubin)",
                                            "frequency": "Once before or soon after you start using kratom regularly, then as your doctor advises",
                                            "reason": "Gives a baseline, so later changes are easier to spot. Most kratom liver injuries reported so far began within the first weeks of regular use.",
                                        },
                                        {
                                            "test": "Repeat liver function tests",
                                            "frequency": "Straight away if you notice any warning sign",
                                            "reason": "Shows whether the liver is affected and how badly. Do not wait for a routine check.",
                                        },
                                        {
                                            "test": "Clotting test (INR) and albumin",
                                            "frequency": "If your liver function tests are abnormal",
                                            "reason": "Shows how well the liver is doing its work, which helps doctors decide whether you need hospital care.",
                                        },
                                        {
                                            "test": "Self-check for yellow skin or eyes, dark urine, pale stools and itching",
                                            "frequency": "Every day while you use kratom",
                                            "reason": "Symptoms often appear before a routine blood test would be due.",
                                        },
                                        {
                                            "test": "Medicines and supplements review with a pharmacist",
                                            "frequency": "Whenever you start a new medicine or supplement",
                                            "reason": "Kratom can change how the body breaks down some medicines (Tanna et al., 2023).",
                                        },
                                    ]
                                },
                            ),
                            (
                                "paragraph",
                                "<p>Tell your doctor that you use kratom, even if it feels "
                                "awkward. They need to know so they can read your results "
                                "correctly and look out for the right problems.</p>",
                            ),
                        ],
                    },
                    {
                        "heading": "Reducing strain on your liver",
                        "health_aspect": "SelfCareHealthAspect",
                        "content": [
                            (
                                "paragraph",
                                "<p>Some things you take alongside kratom may add to the "
                                "strain on your liver. In published kratom liver cases, some "
                                "people also drank heavily or used other herbal products "
                                "(LiverTox). Paracetamol (acetaminophen) can seriously damage "
                                "the liver if you take more than the recommended dose "
                                "(LiverTox, Acetaminophen).</p>",
                            ),
                            (
                                "practices",
                                {
                                    "steps": [
                                        {
                                            "title": "Avoid alcohol while using kratom",
                                            "detail": "Alcohol can damage the liver on its own, and both alcohol and kratom can make you drowsy.",
                                        },
                                        {
                                            "title": "Keep paracetamol within the label dose",
                                            "detail": "Check cold and flu remedies for hidden paracetamol (acetaminophen), and never take more than the maximum daily dose on the pack.",
                                        },
                                        {
                                            "title": "Do not start several new products at once",
                                            "detail": "If a liver problem appears, it is hard to tell which product caused it. Ask a pharmacist before adding any herbal or dietary supplement.",
                                        },
                                        {
                                            "title": "Choose products with independent lab results",
                                            "detail": "Look for a recent report from an independent lab that covers heavy metals and germs such as Salmonella. Testing lowers some risks but does not make kratom risk-free.",
                                        },
                                        {
                                            "title": "Know the warning signs and act on them",
                                            "detail": "If you notice yellow skin or eyes, dark urine, pale stools or itching, stop kratom and get medical advice the same day.",
                                        },
                                    ]
                                },
                            ),
                            (
                                "interactions",
                                {
                                    "rows": [
                                        {
                                            "substance": "Alcohol",
                                            "risk": "unsafe",
                                            "note": "Heavy drinking damages the liver on its own and adds to drowsiness. Some people in published kratom liver cases drank heavily.",
                                            "citations": ["livertox", "nhs-arld"],
                                        },
                                        {
                                            "substance": "Paracetamol (acetaminophen)",
                                            "risk": "caution",
                                            "note": "No direct interaction with kratom has been shown, but too much paracetamol can seriously damage the liver on its own. Stay within label limits.",
                                            "citations": ["livertox-acetaminophen"],
                                        },
                                        {
                                            "substance": "Other herbal or dietary supplements",
                                            "risk": "caution",
                                            "note": "Some herbal products can also injure the liver, and their contents are often uncertain. Check with a pharmacist first.",
                                            "citations": ["livertox"],
                                        },
                                        {
                                            "substance": "Medicines broken down by the CYP3A enzyme (for example midazolam)",
                                            "risk": "caution",
                                            "note": "In a small study, one cup of kratom tea raised blood levels of midazolam by about 40%. The effect of regular kratom use has not been fully studied.",
                                            "citations": ["tanna-2023"],
                                        },
                                    ]
                                },
                            ),
                        ],
                    },
                    {
                        "heading": "When to stop and get help",
                        "health_aspect": "TreatmentsHealthAspect",
                        "content": [
                            (
                                "paragraph",
                                "<p>In a US study of people with liver injury from kratom, "
                                "all recovered after stopping, although most needed hospital "
                                "care (Ahmad et al., 2021). Stopping as soon as warning signs "
                                "appear avoids further exposure while you get checked.</p>",
                            ),
                            (
                                "care_card",
                                {
                                    "urgency": "non_urgent",
                                    "heading": "Speak to a doctor if",
                                    "symptoms": [
                                        "you use kratom regularly and have never had a liver blood test",
                                        "you have liver disease or hepatitis B or C",
                                        "you drink alcohol most days",
                                        "you take prescribed medicines and have not told your doctor about kratom",
                                    ],
                                    "action": (
                                        "<p>Book a routine appointment with your GP or family "
                                        "doctor, or ask a pharmacist for advice.</p>"
                                    ),
                                },
                            ),
                            (
                                "care_card",
                                {
                                    "urgency": "urgent",
                                    "heading": "Get medical advice today if",
                                    "symptoms": [
                                        "your skin or the whites of your eyes look yellow",
                                        "your urine is dark or your stools are pale",
                                        "you are itching all over",
                                        "you feel very tired, sick or have pain under your right ribs",
                                    ],
                                    "action": (
                                        "<p>Stop kratom and contact your doctor or an urgent "
                                        "care service today (NHS 111 in the UK). If you are "
                                        "confused, very drowsy or bleeding, call 999, 911 or "
                                        "112 instead.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                ],
                "conclusion": (
                    "<p>No amount of kratom is known to be free of risk to the liver. If "
                    "you use it, avoid alcohol, keep paracetamol within limits, tell your "
                    "doctor and learn the warning signs. Stop and get help quickly if they "
                    "appear.</p>"
                ),
                "citations": ["livertox", "livertox-acetaminophen", "ahmad-2021", "tanna-2023", "nhs-arld"],
                "topics": ["kratom", "liver", "harm reduction", "drug interactions", "monitoring"],
                "health_aspects": [],
                "author": "editorial-team",
                "reviewer": "reviewer-liver",
                "last_reviewed": "2026-09-22",
            },
        ],
    },
    # ------------------------------------------------------------------
    # Hub 2: Kratom, dependence and withdrawal
    # ------------------------------------------------------------------
    {
        "slug": "kratom-dependence-and-withdrawal",
        "title": "Kratom, dependence and withdrawal",
        "summary": (
            "Kratom acts partly like an opioid, and regular use can lead to dependence. "
            "Stopping suddenly can cause withdrawal symptoms such as aching muscles, "
            "trouble sleeping, a runny nose, irritability and low mood. Studies disagree "
            "about how common dependence is. Support is available if you want to cut "
            "down or stop."
        ),
        "intro": (
            "<p>Many people who use kratom take it every day. Some find it hard to cut "
            "down, and feel unwell when they stop. This hub explains how kratom acts in "
            "the body, how often dependence seems to happen, and what withdrawal can "
            "feel like.</p>"
            "<p>Research on kratom dependence comes mostly from surveys, so the numbers "
            "vary a lot between studies (Singh et al., 2014; Garcia-Romeu et al., "
            "2020).</p>"
        ),
        "at_a_glance": AT_A_GLANCE,
        "sections": [
            {
                "heading": "How kratom acts in the body",
                "health_aspect": "HowItWorksHealthAspect",
                "content": [
                    (
                        "paragraph",
                        "<p>Kratom's main alkaloids act on opioid receptors in the brain, "
                        "and the plant also has stimulant-like effects. Reviews describe "
                        "it as energising at lower amounts and more sedating and "
                        "opioid-like at higher amounts (Eastlack et al., 2020). This mix "
                        "of effects is why people use it for energy, pain and opioid "
                        "withdrawal, and why it can lead to dependence.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>In 2018 the FDA published a computer-model analysis "
                        "suggesting that many compounds in kratom may bind to opioid "
                        "receptors. It said this added to its concerns about kratom's "
                        "potential for abuse and addiction (FDA, 2018). Computer models "
                        "cannot show how strong these effects are in people, so human "
                        "studies are still needed.</p>",
                    ),
                ],
            },
            {
                "heading": "How common dependence is",
                "health_aspect": "RisksOrComplicationsHealthAspect",
                "content": [
                    (
                        "paragraph",
                        "<p>Estimates depend a lot on who is asked. In a Malaysian study "
                        "of 293 people who had drunk kratom tea regularly for more than "
                        "six months, more than half had severe dependence and 45% had "
                        "moderate dependence. People who drank three or more glasses a "
                        "day were more likely to be severely dependent (Singh et al., "
                        "2014).</p>",
                    ),
                    (
                        "paragraph",
                        "<p>In a 2017 online survey of 2,798 people, mostly in the US, "
                        "only 2% met medical criteria for a moderate or severe kratom use "
                        "disorder, even though most used kratom daily (Garcia-Romeu et "
                        "al., 2020). People who choose to answer online kratom surveys "
                        "may feel more positive about it, so the true figure is "
                        "uncertain.</p>",
                    ),
                    (
                        "paragraph",
                        "<p>A smaller US survey found that the longer people had used "
                        "kratom regularly, the worse their unwanted effects tended to be "
                        "when they stopped (Smith et al., 2022).</p>",
                    ),
                ],
            },
            {
                "heading": "What withdrawal can feel like",
                "health_aspect": "SymptomsHealthAspect",
                "content": [
                    (
                        "paragraph",
                        "<p>In the Malaysian study, common physical withdrawal symptoms "
                        "were muscle aches and spasms, trouble sleeping, watery eyes and "
                        "a runny nose, hot flushes, fever, poor appetite and diarrhoea. "
                        "Common emotional symptoms were restlessness, tension, anger, "
                        "sadness and nervousness (Singh et al., 2014).</p>",
                    ),
                    (
                        "paragraph",
                        "<p>If you want to stop, a doctor or drug service can help you "
                        "plan and may offer medicines to ease symptoms. In one published "
                        "case, medicines normally used for opioid withdrawal helped a "
                        "man through kratom withdrawal in hospital (McWhirter and Morris, "
                        "2010).</p>",
                    ),
                ],
            },
        ],
        "conclusion": (
            "<p>Regular kratom use can lead to dependence and withdrawal, although how "
            "often this happens is uncertain. If you are finding it hard to cut down, "
            "you are not alone and help is available. Our pages on dependence and "
            "overdose risks and on reducing harm have more practical information.</p>"
        ),
        "citations": ["eastlack-2020", "fda-2018", "singh-2014", "garcia-romeu-2020", "smith-2022", "mcwhirter-2010"],
        "topics": ["kratom", "dependence", "withdrawal", "harm reduction"],
        "health_aspects": [],
        "author": "editorial-team",
        "reviewer": "reviewer-addiction",
        "last_reviewed": "2026-10-06",
        "children": [
            # ----------------------------------------------------------
            # Hub 2, risk page
            # ----------------------------------------------------------
            {
                "type": "risk",
                "slug": "kratom-dependence-and-overdose-risks",
                "title": "Kratom dependence, withdrawal and overdose risks",
                "summary": (
                    "Regular kratom use can cause dependence and withdrawal. Serious "
                    "poisoning and deaths are much more likely when kratom is mixed with "
                    "other substances, especially opioids such as fentanyl. Concentrated "
                    "7-OH products carry extra risk, and kratom used in pregnancy can "
                    "cause withdrawal in newborns. Call your emergency number for slow "
                    "breathing, seizures or collapse."
                ),
                "intro": (
                    "<p>This page sets out the main risks linked to dependence, overdose "
                    "and mixing kratom with other substances. For each one it shows how "
                    "serious it is and how strong the evidence is.</p>"
                    "<p>Most of the evidence comes from surveys, US poison centre records "
                    "and death investigations (Post et al., 2019; Olsen et al., "
                    "2019).</p>"
                ),
                "sections": [
                    {
                        "heading": "Dependence and withdrawal",
                        "health_aspect": "RisksOrComplicationsHealthAspect",
                        "content": [
                            (
                                "paragraph",
                                "<p>Dependence means your body gets used to kratom, so you "
                                "feel unwell or crave it when you stop. Researchers have "
                                "measured dependence, withdrawal and craving in people who "
                                "use kratom regularly (Singh et al., 2014).</p>",
                            ),
                            (
                                "risk",
                                {
                                    "name": "Dependence and withdrawal",
                                    "severity": "moderate",
                                    "evidence_level": "observational",
                                    "description": (
                                        "<p>In a Malaysian study, most regular users had "
                                        "moderate or severe dependence, and drinking three or "
                                        "more glasses of kratom a day was linked to more "
                                        "severe dependence (Singh et al., 2014). In a US "
                                        "survey, longer regular use was linked to worse "
                                        "symptoms after stopping (Smith et al., 2022).</p>"
                                    ),
                                    "warning_signs": [
                                        "Needing more kratom to get the same effect",
                                        "Feeling achy, restless or low when you miss a dose",
                                        "Strong cravings",
                                        "Using more, or for longer, than you meant to",
                                        "Finding it hard to cut down even though you want to",
                                    ],
                                    "higher_risk_groups": [
                                        "People who use kratom several times a day",
                                        "People who have used kratom daily for a long time",
                                    ],
                                    "what_to_do": (
                                        "<p>If you want to cut down, talk to a doctor, "
                                        "pharmacist or drug service. They can help you make "
                                        "a plan and manage withdrawal symptoms.</p>"
                                    ),
                                    "citations": ["singh-2014", "smith-2022"],
                                },
                            ),
                        ],
                    },
                    {
                        "heading": "Overdose and mixing with other substances",
                        "health_aspect": "SafetyHealthAspect",
                        "content": [
                            (
                                "paragraph",
                                "<p>US poison centres recorded 1,807 kratom exposures from "
                                "2011 to 2017. People who had taken kratom with other "
                                "substances were much more likely to be admitted to a "
                                "health care facility and to have a serious outcome. There "
                                "were 11 deaths, 2 of them after kratom alone (Post et al., "
                                "2019).</p>",
                            ),
                            (
                                "paragraph",
                                "<p>The CDC looked at 27,338 overdose deaths in US states "
                                "from 2016 to 2017. Kratom was found in 152 of them (0.56%). "
                                "Other drugs were found in nearly all of these deaths, most "
                                "often fentanyl. Kratom was the only substance found in 7 "
                                "deaths, although other substances could not be ruled out "
                                "(Olsen et al., 2019).</p>",
                            ),
                            (
                                "risk",
                                {
                                    "name": "Serious poisoning when mixed with opioids, alcohol or sedatives",
                                    "severity": "severe",
                                    "evidence_level": "observational",
                                    "description": (
                                        "<p>Most deaths and serious poisonings involving "
                                        "kratom also involved other substances, especially "
                                        "opioids such as fentanyl (Olsen et al., 2019). "
                                        "Taking kratom with other substances raised the "
                                        "chance of a serious outcome in poison centre "
                                        "records (Post et al., 2019).</p>"
                                    ),
                                    "warning_signs": [
                                        "Slow, shallow or noisy breathing",
                                        "Extreme sleepiness or being hard to wake",
                                        "Blue or grey lips or fingertips",
                                        "Seizures (fits)",
                                        "Fast heartbeat, agitation or confusion",
                                    ],
                                    "higher_risk_groups": [
                                        "People who also use opioids, including fentanyl or heroin",
                                        "People who drink alcohol or take benzodiazepines or sleeping tablets",
                                        "People who use alone",
                                    ],
                                    "what_to_do": (
                                        "<p>Avoid mixing kratom with alcohol or other drugs. "
                                        "If someone has slow breathing, will not wake or has "
                                        "a seizure, call your emergency number straight away "
                                        "and stay with them. If opioids may be involved and "
                                        "you have naloxone, give it.</p>"
                                    ),
                                    "citations": ["post-2019", "olsen-2019"],
                                },
                            ),
                            (
                                "risk",
                                {
                                    "name": "Concentrated 7-OH products",
                                    "severity": "severe",
                                    "evidence_level": "expert_opinion",
                                    "description": (
                                        "<p>7-hydroxymitragynine (7-OH) occurs only in small "
                                        "amounts in kratom leaf, but some products sell it "
                                        "in concentrated form as tablets, gummies, drink "
                                        "mixes and shots. In 2025 the FDA said 7-OH can be "
                                        "more potent than morphine and recommended that "
                                        "these products be controlled under US drug law "
                                        "(FDA, 2025).</p>"
                                    ),
                                    "warning_signs": [
                                        "Strong sleepiness or nodding off",
                                        "Slowed breathing",
                                        "Withdrawal symptoms between doses",
                                    ],
                                    "higher_risk_groups": [
                                        "People who switch from leaf kratom to concentrated products",
                                        "People new to 7-OH products",
                                        "Children and teenagers, as some products look like sweets",
                                    ],
                                    "what_to_do": (
                                        "<p>Avoid concentrated 7-OH products. If you use them "
                                        "and want to stop, get medical support rather than "
                                        "stopping suddenly on your own.</p>"
                                    ),
                                    "citations": ["fda-7oh-2025"],
                                },
                            ),
                        ],
                    },
                    {
                        "heading": "Pregnancy and newborns",
                        "health_aspect": "PregnancyHealthAspect",
                        "content": [
                            (
                                "paragraph",
                                "<p>US poison centres recorded 7 newborn babies exposed to "
                                "kratom, and 5 of them had withdrawal symptoms (Post et al., "
                                "2019). Very little is known about kratom in pregnancy.</p>",
                            ),
                            (
                                "risk",
                                {
                                    "name": "Withdrawal in newborn babies",
                                    "severity": "high",
                                    "evidence_level": "case_reports",
                                    "description": (
                                        "<p>Babies born to mothers who used kratom during "
                                        "pregnancy can have withdrawal symptoms after birth. "
                                        "Reports are few, so how often this happens is not "
                                        "known (Post et al., 2019).</p>"
                                    ),
                                    "warning_signs": [
                                        "Constant high-pitched crying",
                                        "Shaking or jitteriness",
                                        "Poor feeding, vomiting or diarrhoea",
                                        "Trouble settling or sleeping",
                                    ],
                                    "higher_risk_groups": [
                                        "Babies whose mothers used kratom regularly late in pregnancy",
                                    ],
                                    "what_to_do": (
                                        "<p>If you are pregnant and use kratom, tell your "
                                        "midwife or doctor. Do not stop suddenly without "
                                        "advice. They can help you plan, and your baby can "
                                        "be checked after birth.</p>"
                                    ),
                                    "citations": ["post-2019"],
                                },
                            ),
                        ],
                    },
                    {
                        "heading": "Getting help",
                        "health_aspect": "SeeDoctorHealthAspect",
                        "content": [
                            (
                                "paragraph",
                                "<p>Use these cards to decide how quickly to get help. "
                                "Poison centre records show that serious outcomes are more "
                                "likely when kratom is mixed with other substances, so say "
                                "everything that was taken (Post et al., 2019).</p>",
                            ),
                            (
                                "care_card",
                                {
                                    "urgency": "emergency",
                                    "heading": "Call your emergency number if",
                                    "symptoms": [
                                        "someone is breathing very slowly or has stopped breathing",
                                        "someone cannot be woken up",
                                        "someone has a seizure (fit)",
                                        "someone has chest pain or a very fast, pounding heartbeat",
                                    ],
                                    "action": (
                                        "<p>Call 999 (UK), 911 (US) or 112 (EU). Stay with the "
                                        "person and tell the call handler what they took. In "
                                        "the US you can also call Poison Help on "
                                        "1-800-222-1222 for advice.</p>"
                                    ),
                                },
                            ),
                            (
                                "care_card",
                                {
                                    "urgency": "non_urgent",
                                    "heading": "Speak to a doctor or drug service if",
                                    "symptoms": [
                                        "you find it hard to cut down or stop",
                                        "you get withdrawal symptoms between doses",
                                        "you use kratom to manage pain or opioid withdrawal",
                                        "you are pregnant or planning a pregnancy",
                                    ],
                                    "action": (
                                        "<p>Book a routine appointment or contact a local "
                                        "drug and alcohol service. You can ask for "
                                        "confidential support.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                ],
                "conclusion": (
                    "<p>The biggest risks come from mixing kratom with other depressants, "
                    "from concentrated products and from heavy regular use. Avoid mixing, "
                    "know the signs of overdose, and get help early if you feel dependent "
                    "or are pregnant.</p>"
                ),
                "citations": ["singh-2014", "smith-2022", "post-2019", "olsen-2019", "fda-7oh-2025"],
                "topics": [
                    "kratom",
                    "dependence",
                    "withdrawal",
                    "overdose",
                    "drug interactions",
                    "pregnancy",
                ],
                "health_aspects": ["PregnancyHealthAspect"],
                "author": "editorial-team",
                "reviewer": "reviewer-addiction",
                "last_reviewed": "2026-10-06",
            },
            # ----------------------------------------------------------
            # Hub 2, safe-use guide
            # ----------------------------------------------------------
            {
                "type": "safe_use",
                "slug": "reducing-harm-if-you-use-kratom",
                "title": "Reducing harm if you use kratom",
                "summary": (
                    "No amount of kratom is known to be free of risk. If you use it, this "
                    "guide covers the amounts people have reported in research, practical "
                    "ways to lower harm such as starting low, not mixing and taking "
                    "breaks, which combinations are most dangerous, and how the law "
                    "differs between countries. It is not a recommendation to use kratom."
                ),
                "intro": (
                    "<p>The lowest-risk choice is not to use kratom. If you do use it, this "
                    "page offers practical harm-reduction steps based on research. It does "
                    "not recommend any amount or product.</p>"
                    "<p>Serious harm is most often linked to mixing kratom with other "
                    "substances, to concentrated products and to heavy daily use (Post et "
                    "al., 2019; Singh et al., 2014).</p>"
                ),
                "sections": [
                    {
                        "heading": "Amounts reported in research",
                        "health_aspect": "UsageOrScheduleHealthAspect",
                        "content": [
                            (
                                "paragraph",
                                "<p><strong>No dose of kratom is known to be safe.</strong> "
                                "Products differ in strength, so the same weight can contain "
                                "very different amounts of alkaloids. The figures below are "
                                "what people reported to researchers. They are not advice "
                                "(Garcia-Romeu et al., 2020; Singh et al., 2014).</p>",
                            ),
                            (
                                "dosage",
                                {
                                    "rows": [
                                        {
                                            "form": "powder",
                                            "route": "oral",
                                            "min": 1,
                                            "max": 3,
                                            "unit": "g",
                                            "note": "The single dose most often reported (by about half of 2,798 people) in a 2017 online survey, mostly of US adults. Many took kratom every day. Reported amounts only, not a recommendation.",
                                        },
                                    ],
                                    "citations": ["garcia-romeu-2020"],
                                },
                            ),
                            (
                                "paragraph",
                                "<p>Kratom tea is measured by what is in it, not by the weight "
                                "of leaf. In a study of regular users in Malaysia, one glass of "
                                "traditional kratom tea held on average about 79 mg of "
                                "mitragynine, the main alkaloid, and drinking 3 or more "
                                "glasses a day was linked to more severe dependence (Singh et "
                                "al., 2014).</p>",
                            ),
                            (
                                "paragraph",
                                "<p>Extracts and concentrated products can be much stronger "
                                "than leaf powder, and there is no reliable research on the "
                                "amounts people take. Concentrated products of "
                                "7-hydroxymitragynine (7-OH), a minor alkaloid found in the "
                                "leaf only in small amounts, may act like strong opioids "
                                "(FDA, 2025).</p>",
                            ),
                        ],
                    },
                    {
                        "heading": "Practical ways to lower risk",
                        "health_aspect": "SafetyHealthAspect",
                        "content": [
                            (
                                "paragraph",
                                "<p>These steps focus on the situations where research shows "
                                "harm is most likely: mixing with other substances (Post et "
                                "al., 2019; Olsen et al., 2019) and heavy, long-term daily "
                                "use (Singh et al., 2014).</p>",
                            ),
                            (
                                "practices",
                                {
                                    "steps": [
                                        {
                                            "title": "Start low and wait",
                                            "detail": "Strength varies between products and batches. Start with a small amount and wait until you feel the full effect before deciding whether to take more.",
                                        },
                                        {
                                            "title": "Do not mix with other depressants",
                                            "detail": "Most serious poisonings and deaths involving kratom also involved other substances, especially opioids. Avoid alcohol, opioids, benzodiazepines and sleeping tablets.",
                                        },
                                        {
                                            "title": "Avoid daily use and take regular breaks",
                                            "detail": "Heavier and longer daily use is linked to more severe dependence and worse symptoms when stopping. Kratom-free days can help you notice if dependence is building.",
                                        },
                                        {
                                            "title": "Avoid extracts and 7-OH products",
                                            "detail": "Concentrated products are much stronger than leaf and may act like strong opioids.",
                                        },
                                        {
                                            "title": "Check product testing",
                                            "detail": "Choose products with a recent report from an independent lab covering alkaloid content, heavy metals and germs. This lowers some risks but does not remove them.",
                                        },
                                        {
                                            "title": "Do not use alone and plan for emergencies",
                                            "detail": "Make sure someone knows what you have taken. If you also use opioids, keep naloxone nearby. Save your emergency number and, in the US, Poison Help (1-800-222-1222).",
                                        },
                                    ]
                                },
                            ),
                        ],
                    },
                    {
                        "heading": "Mixing kratom with other substances",
                        "health_aspect": "RisksOrComplicationsHealthAspect",
                        "content": [
                            (
                                "paragraph",
                                "<p>In poison centre records, taking kratom with other "
                                "substances was linked to more hospital admissions and more "
                                "serious outcomes (Post et al., 2019). Kratom can also change "
                                "how the body breaks down some medicines (Tanna et al., "
                                "2023). There is little research, so the grades below are "
                                "deliberately cautious.</p>",
                            ),
                            (
                                "interactions",
                                {
                                    "rows": [
                                        {
                                            "substance": "Opioids (for example fentanyl, heroin, oxycodone, methadone)",
                                            "risk": "dangerous",
                                            "note": "Both act on opioid receptors, raising the risk of slowed or stopped breathing. Fentanyl was the drug most often found alongside kratom in overdose deaths.",
                                            "citations": ["olsen-2019", "post-2019"],
                                        },
                                        {
                                            "substance": "Benzodiazepines and sleeping tablets",
                                            "risk": "dangerous",
                                            "note": "Combined sedation can slow breathing. Taking kratom with other substances was linked to more serious outcomes.",
                                            "citations": ["post-2019"],
                                        },
                                        {
                                            "substance": "Concentrated 7-OH products",
                                            "risk": "dangerous",
                                            "note": "Much stronger than leaf kratom; the FDA says 7-OH can be more potent than morphine. Combining them adds opioid effects.",
                                            "citations": ["fda-7oh-2025"],
                                        },
                                        {
                                            "substance": "Alcohol",
                                            "risk": "unsafe",
                                            "note": "Adds to drowsiness, and heavy drinking damages the liver on its own. Avoid mixing.",
                                            "citations": ["post-2019", "nhs-arld"],
                                        },
                                        {
                                            "substance": "Stimulants (for example cocaine, amphetamines, high-dose caffeine)",
                                            "risk": "caution",
                                            "note": "Fast heartbeat and agitation were among the most common effects of kratom alone in poison centre reports. Stimulants may add to this.",
                                            "citations": ["post-2019"],
                                        },
                                        {
                                            "substance": "Medicines broken down by the CYP3A enzyme (for example midazolam)",
                                            "risk": "caution",
                                            "note": "One cup of kratom tea raised midazolam blood levels by about 40% in a small study. Ask a pharmacist before combining.",
                                            "citations": ["tanna-2023"],
                                        },
                                        {
                                            "substance": "Antidepressants and other mental health medicines",
                                            "risk": "unknown",
                                            "note": "Not well studied. A small study found no effect of kratom on a medicine broken down by CYP2D6, but most combinations have not been tested. Talk to your prescriber.",
                                            "citations": ["tanna-2023"],
                                        },
                                    ]
                                },
                            ),
                        ],
                    },
                    {
                        "heading": "The law and getting support",
                        "health_aspect": None,
                        "content": [
                            (
                                "paragraph",
                                "<p>Kratom laws vary widely and change often. In July 2025 "
                                "the FDA recommended that concentrated 7-OH products be "
                                "controlled under US drug law; the Drug Enforcement "
                                "Administration makes the final decision (FDA, 2025). "
                                "Always check the current law where you live and where you "
                                "travel.</p>",
                            ),
                            (
                                "legal_status",
                                {
                                    "rows": [
                                        {
                                            "jurisdiction": "United States (federal): kratom leaf",
                                            "status": "regulated",
                                            "as_of": "2025-07-29",
                                            "source_url": "https://www.fda.gov/news-events/public-health-focus/fda-and-kratom",
                                            "note": "Not a controlled substance under federal law. The FDA has not approved kratom for any use and says it is not lawful to sell as a dietary supplement or food additive. Some states and cities ban or restrict it. Check current law.",
                                        },
                                        {
                                            "jurisdiction": "United States (federal): concentrated 7-OH products",
                                            "status": "under_review",
                                            "as_of": "2025-07-29",
                                            "source_url": "https://www.fda.gov/news-events/press-announcements/fda-takes-steps-restrict-7-oh-opioid-products-threatening-american-consumers",
                                            "note": "In July 2025 the FDA recommended that 7-hydroxymitragynine (7-OH) be placed under the Controlled Substances Act. The Drug Enforcement Administration decides whether to schedule it. This concerns 7-OH products, not kratom leaf. Check current law.",
                                        },
                                        {
                                            "jurisdiction": "United Kingdom",
                                            "status": "restricted",
                                            "as_of": "2016-05-26",
                                            "source_url": "https://www.legislation.gov.uk/ukpga/2016/2/contents",
                                            "note": "Covered by the Psychoactive Substances Act 2016: producing, supplying, importing or exporting kratom is an offence. Possession for personal use is not an offence except in a custodial institution. Check current law.",
                                        },
                                        {
                                            "jurisdiction": "Thailand",
                                            "status": "legal",
                                            "as_of": "2021-08-24",
                                            "source_url": "https://addictionjournal.org/posts/thailand-removes-kratom-from-narcotics-list",
                                            "note": "Removed from the narcotics list on 24 August 2021. A separate kratom law later set rules on sale, including limits on selling to under-18s and to pregnant or breastfeeding women. Check current law.",
                                        },
                                        {
                                            "jurisdiction": "Australia",
                                            "status": "controlled",
                                            "as_of": "2022-02-01",
                                            "source_url": "https://www.tga.gov.au/how-we-regulate/ingredients-and-scheduling-medicines-and-chemicals/poisons-standard-and-scheduling-medicines-and-chemicals",
                                            "note": "Mitragyna speciosa and mitragynine are listed in Schedule 9 (prohibited substances) of the Poisons Standard, so possession and supply are illegal outside approved research. Check current law.",
                                        },
                                    ]
                                },
                            ),
                            (
                                "care_card",
                                {
                                    "urgency": "non_urgent",
                                    "heading": "Speak to a doctor, pharmacist or drug service if",
                                    "symptoms": [
                                        "you want to cut down or stop and are worried about withdrawal",
                                        "you take prescribed medicines alongside kratom",
                                        "you use kratom to manage pain or opioid withdrawal",
                                        "you are pregnant, breastfeeding or planning a pregnancy",
                                    ],
                                    "action": (
                                        "<p>Book a routine appointment or contact a local "
                                        "drug and alcohol service. You can ask for "
                                        "confidential, non-judgemental support.</p>"
                                    ),
                                },
                            ),
                        ],
                    },
                ],
                "conclusion": (
                    "<p>No dose of kratom is known to be safe. If you use it, the most "
                    "important steps are not mixing it with other depressants, avoiding "
                    "concentrated products, taking breaks from daily use and checking the "
                    "law where you are. Get help early if you feel dependent.</p>"
                ),
                "citations": [
                    "garcia-romeu-2020",
                    "singh-2014",
                    "post-2019",
                    "olsen-2019",
                    "tanna-2023",
                    "fda-7oh-2025",
                    "fda-kratom",
                    "nhs-arld",
                ],
                "topics": [
                    "kratom",
                    "harm reduction",
                    "dependence",
                    "drug interactions",
                    "dosage",
                    "legal status",
                ],
                "health_aspects": [],
                "author": "editorial-team",
                "reviewer": "reviewer-addiction",
                "last_reviewed": "2026-10-13",
            },
        ],
    },
]
