DOCS = [
("G31", "https://www.askthedoctor.com/lumbar-spine-mri-with-mild-facet-hypertrophy-and-disc-bulging-40325", "Lumbar spine MRI with mild facet hypertrophy and disc bulging (AskTheDoctor Q&A)", r"""
~ Lumbar spine MRI with mild facet hypertrophy and disc bulging
. | Patient : I need help with interpretating my MRI results, Can you help?
img dx | At L3-4 there is a fairly mild disk bulge along with facet hypertrophy.
img:n dx:n | there is no significant spinal canal narrowing.
img | Bilateral foraminal narrowing can be seen, mild in degree.
img dx | At L4-5, there is a fairly mild disk bulge along with facet hypertrophy.
img dx | Mild spinal canal narrowing can be seen.
img | Bilateral foraminal narrowing can be seen, mild in degree.
img dx | There appears to be a very small superimposed right central protrusion at this level,as well.
img dx | At L5-S1, there is a left foraminal posterolateral protrusion superimposed upon a disk bulge.
img | Facet hypertrophy is present.
img | There is mild right and mild to moderate left foraminal narrowing can be seen.
img dx | Doctor :   Thank you for writing to According to the MRI report you are having at the present time  a mild lumb bar disc bulging that apparently is not causing an important narrowing of the spinal canal to produce a lumbar nerve compression.
. | For your information, some of the major causes of acute and chronic low back pain (LBP) are associated with radiculopathy (nerve compression).
dx | However, radiculopathy is not a cause of back pain; rather, nerve root impingement, disc herniation (bulging), facet arthropathy (which you have also, but  apparently is not causing problems at the moment), and other conditions are causes of back pain.
dx:h | In the future, you may have a chance to develop a  lumbosacral radiculopathy, if the disc bulging and the facet hypertrophy become more pronounced giving as a result nerve root impingement and/or inflammation that may progress enough to cause neurologic symptoms in the areas that are supplied by the affected nerve root.
~ Basically the conservative treatment of the Lumbar Facet Arthropathy, when gets symptomatic, meaning: low back pain: is Physical Therapy aimed to recondition and stabilize the lumbar spine by re-educating and teaching you a daily stretching routine f
"""),
("G32", "https://www.askthedoctor.com/mri-report-showing-facet-arthropathy-and-l5-compression-128425", "MRI report showing Facet arthropathy and L5 compression (AskTheDoctor Q&A)", r"""
~ MRI report showing Facet arthropathy and L5 compression
img dx | Patient: What is L4-5 moderate disc space narrowing,disc desiccation and shallow endplate erosions.Facet arthropathy,ligamentous hypertrophy and a 4.5mm broad right eccentric disc protrusion with annular tear produce mild central stenosis and sever compression of the right L5 nerve root,within the lateral recess.The left lateral recess is mildly narrowed.There is moderate right foraminal stenosis and mild left foraminal stenosis?
img | Doctor: According to the MRI report you are having at the present time a L4-L5 problem that is compressing the L5 nerve root at his exit of the lumbar spine by the “foramen” or outlet.
. | For your information, some of the major causes of acute and chronic low back pain (LBP) are associated with radiculopathy (nerve compression).
dx | However, radiculopathy is not a cause of back pain; rather, nerve root impingement, disc herniation (bulging or protrusion), facet arthropathy (which you have also), and other conditions are causes of back pain.
dx:h | In the future, you may have a chance to develop a  lumbosacral radiculopathy, if the disc bulging or protruding and the facet hypertrophy become more pronounced giving as a result nerve root impingement and/or inflammation that may progress enough to cause neurologic symptoms in the areas that are supplied by the affected nerve root.
. | Basically the conservative treatment of the Lumbar Facet Arthropathy, when gets symptomatic, meaning low back pain: is Physical Therapy aimed to recondition and stabilize the lumbar spine by re-educating and teaching you a daily stretching routine for the lumbar area, strengthening of abdominal muscles, and other important general recommendations as follows: sleeping with a pillow between the knees lying on the side, avoid activities that place additional strain on the lumbar spine (example: weight lifting).
~ All of the above, with the objective to keep you as far as possible from episodes of acute low back pain, and al
"""),
("G33", "https://www.askthedoctor.com/back-pain-mri-findings-23914", "Back Pain, MRI findings (AskTheDoctor Q&A with lumbar MRI report)", r"""
~ Back Pain ,MRI findings
. | Patient: Here is my MRI Report.
. | Want to know how severe my problem is.
. | And also want to know the do’s and don’ts till i go to neurosurgeon next week.
~ Final Report: 06-25-2010 03:55:00 PM, received from MEDITECH Report Dictated By:
back | Lumbar Spine MRI without contrast: History: Pain.
. | Lumbar spine MRI was performed utilizing multiplanar multi sequence imaging without contrast.
img:n dx:n | There is no compression fracture, subluxation.
. | Conus medullaris demonstrated at T12-L1.
img:n | At L-1-L-2 demonstrate no discrimination.
img | Mild facet, degenerative hypertrophy.
img:n dx:n | At L2-L3 no disc herniation.
img dx | Right greater than left mild foraminal and far lateral disc bulge.
img | Mild facet, ligament degenerative hypertrophy.
img:n dx:n | At L3-L4 demonstrate no disc herniation.
img dx | There is mild concentric disc bulge indenting anterior dural sac.
img | Left greater than right mild facet.
img dx | Mild central spinal stenosis.
img dx | At L4-L5 demonstrate moderate posterior concentric disc bulge with left foraminal and far lateral asymmetric bulge.
img | The facet, ligament degenerative hypertrophy.
img dx | Mild — moderate central spinal stenosis.
img | Moderate left greater than right foramina narrowing.
img:n dx:n | There is no disc herniation.
img dx | At L5-S1 there is broad-based moderate posterior spondylotic disc protrusion, with superimposed small left paracentral disc herniation and annular tear.
img | The disc abuts the exiting nerve roots.
img dx | There is mild — moderate central spinal stenosis.
img | Mild — Moderate foramina narrowing.
img dx | Impression 1. L5-S1 broad based posterior disc protrusion with superimposed small left paracentral disc herniation and annular tear.
img | Disc abuts the exiting nerve roots.
img dx | 2. Multilevel mild spondylotic disc bulge resulting in spectrum of central spinal stenosis and foramina narrowing.
img dx | Doctor: All the MRI findings that you described above may correspond to a nerve compression that can produce an inflammatory pr rocess affecting nerve roots (neuritis) in the lumbar region (stenosis, degenerative hypertrophy of facets and disc herniations
"""),
("G34", "https://askadoctor24x7.com/premiumquestions/What-does-this-MRI-report-of-spine-indicate/202813", "What Does This MRI Report Of Spine Indicate? (askadoctor24x7 Q&A)", r"""
~ What Does This MRI Report Of Spine Indicate?
~ I'll retype the Impressions:
img dx | 1. At the L4-5 level there is spondylitic change with moderate to severe bilateral facet joint athropathy/hypertrophy.
img | There is a right greater than left joint effusion.
img dx | There is a 1 to 2mm anterolisthesis.
img dx | There is also a broad-based 2mm central disk protrusion effacing the ventral thecal sac.
img:n | There is no definite nerve root compression.
img:n dx:n | There is no significant central canal stenosis.
img dx | There is mild bilateral foraminal stenosis.
img dx | 2. At the L5-S1 level, there is spondylitic change and 2 mm disk bulging which effaces the ventral thecal sac.
img dx | The disk bulge is in close proximity to bilateral S1 roots but the nerve roots do not appear displaced.
img:n dx:n | There is no significant canal or formainal stenosis.
img dx | 3.At the L3-4 level, there is spondylitic change with a superimposed 2-3mm central disk protrusion.
img | This effaces the ventral thecal sac and is in close proximity to the bilateral L4 nerve roots.
img:n | The nerve roots do not appear displaced.
img:n dx:n | There is no significant central canal or foraminal stenosis.
img:n | 4. The upper lumbal levels are within normal limits.
img | Findings suggests degenerative changes in lumbo-sacral spine.
~ Detailed Answer:
~ Hello
img dx | Findings suggests degenerative changes in lumbo-sacral spine.There are spondylotic changes in lumbar spine with mild inter-verebral disc prolapse.
age | Degenerative changes are generally age related findings.It is due to chronic stress on annulus fibrosis.
img dx | At L4-5 level,there is spondylotic changes with facet(bony joints in between two vertebra) arthropathy(joint disease).There is fluid in facet joints(joint effusion,right > left) with mild forward movement of vertebra (anterolisthesis).
img dx | There is mild disc protrusion which is touching ventral thecal sac.
img | It is good that there is no definitive nerve root compression.There is only mild bilateral lateral neural foramen narrowing.
img dx | At L5-S1 and L3-4 level there is spondylosis with mild disc bulge.There is no central spinal canal or lateral
"""),
("G35", "https://www.rcemlearning.org/modules/knee-ding-assistance/", "Knee-ding Assistance (RCEMLearning case)", r"""
~ Knee-ding Assistance
inj alt | A male patient in his 40s was pulled over from standing height, twisting his knee as he fell.
inj | He is unsure if he hit it on the ground, but he felt an immediate sharp, severe pain, which has now settled to a constant dull ache with IV morphine.
gait | However, the slightest movement causes intense pain and he is unable to bear weight.
. | On examination, he is overweight, with normal vital signs.
. | His right knee is significantly swollen and tender, with the lateral side being most painful.
. | It is not erythematous but is mildly warm and an effusion is present.
. | You havent been able to test his range of movement or ligaments as it is too painful to move it.
. | His past medical history includes hypothyroidism treated with levothyroxine, and sleep apnoea.
. | He is normally independent, a non-smoker, and occasional drinker.
. | Following the Ottawa Knee rules1,2 an AP and lateral knee xray is requested.
"""),
("G36", "http://www.prairiespine.com/2012/11/13/", "Spine Pain Most Common Cause of Evacuation for Modern Veterans (Prairie Spine blog excerpt)", r"""
~ Spine Pain Most Common Cause of Evacuation for Modern Veterans
. | Andrew Bouwma worried he wouldn’t be able to pick up his 3-year-old daughter and newborn son.
back | His back was killing him.
svc | An Army infantryman who served a tour in Iraq, Bouwma wore an extra 50 to 60 pounds every day on foot patrols.
svc | Clad in helmet and body armor weighted down with a medical kit…
~ Continue Reading Spine Pain Most Common Cause of Evacuation for Modern Veterans
"""),
("G37", "https://www.aacc.org/science-and-research/clinical-chemistry/clinical-case-studies/2017/massive-troponin-release-and-normal-coronary-arteries-where-does-the-truth-lie", "Massive troponin release and normal coronary arteries (AACC clinical case study, unrelated)", r"""
~ Summary
~ DOI: 10.1373/clinchem.2016.264333
~ A 55-year-old woman was referred to the emergency department of Padova University Hospital with acute chest pain extending up to the left shoulder. She had had fever a few days prior but no other symptoms.
~ Student Discussion
~ Student Discussion Document (pdf)
~ Martina P. Marra,1 Martina Zaninotto,2 Luisa Cacciavillani,1 Sabino Iliceto,1 and Mario Plebani2*
~ 1Department of Cardiac, Thoracic and Vascular Sciences, University of Padova, Italy; 2Department of Laboratory Medicine, University-Hospital, Padova, Italy.
~ *Address correspondence to this author at: Department of Laboratory Medicine, University-Hospital, via Giustiniani, 2, Padova 35128, Italy. Fax +39-049-663240; e-mail [email protected].
~ Case Description
. | A 55-year-old woman was referred to the emergency department of Padova University Hospital with acute chest pain extending up to the left shoulder.
. | She had had fever a few days prior but no other symptoms.
alt | The patient, who was obese, smoked, and had a history of arterial hypertension, first received first-line amlodipine treatment that was interrupted because of poor compliance.
. | No other traditional cardiovascular or thrombophilic risk factors were reported.
. | One hour after the onset of chest pain, the patient called the emergency service; the electrocardiogram (ECG)3 recorded at home was unremarkable for acute ischemia (Fig. 1A).
. | At the emergency department, after 80 min, the patient still complained of chest pain, the physical examination was negative, blood pressure was 220/110 mmHg, and heart rate was 78 beats/min.
. | The results of the second ECG were the same as those of the first (Fig. 1B).
. | The initial cardiac troponin I (cTnI) concentration, obtained using a high-sensitivity assay (1), was markedly increased (57 ng/L) relative to the sex-dependent 99th percentile (16 ng/L).
. | The chest pain resolved with blood pressure normalization following intravenous nitrate administration.
~ The patient had complained of
"""),
("G38", "https://medicobridge.com/patient-case/patient-case-squamous-cell-carcinoma-scc", "Patient Case: Squamous Cell Carcinoma (MedicoBridge, unrelated)", r"""
~ Patient Case: Squamous Cell Carcinoma (SCC)
alt | A 68-year-old retired construction worker presents to the dermatology clinic with a non-healing sore on his left forearm.
. | He first noticed a rough, scaly patch in the same area about a year ago, which he assumed was dry skin.
. | Over time, the lesion grew larger, became thicker, and eventually ulcerated.
. | It now frequently bleeds and forms a crust.
. | The patient has a history of significant sun exposure due to his outdoor job, with frequent sunburns in the past.
. | He has fair skin, multiple actinic keratoses on his scalp and arms, and a history of smoking for 30 years.
. | On examination, there is a firm, erythematous, scaly plaque with an ulcerated center on the dorsal forearm.
. | The lesion is tender to palpation, with indurated edges.
. | A punch biopsy confirms invasive squamous cell carcinoma (SCC).
. | The patient is counseled on treatment options, including wide local excision, Mohs micrographic surgery, and possible lymph node evaluation for high-risk features.
. | He is advised on strict sun protection and the need for regular skin surveillance due to the risk of recurrence and metastasis.
~ - What is the primary risk factor for developing squamous cell carcinoma?
"""),
("G39", "https://www.empr.com/slideshow/clinical-quiz/clinical-challenge-large-oozing-plaque-on-the-scalp/", "Clinical Challenge: Large oozing plaque on the scalp (MPR, unrelated)", r"""
~ Slideshow
~ -
~ Slide
~ -
~ Slide
. | An 80-year-old man presents complaining of a very large oozing plaque on his scalp that has been slowly growing for more than a year.
. | He claims that it is not painful, but he is concerned that it is ringworm.
. | The patient’s past medical history is significant for hypertension and thyroid disease for which he is treated medically.
inj:n | He denies any previous skin cancer or trauma to the area.
. | On physical examination, the lesion measures 11 cm in diameter and is erythematous, ulcerated and oozing clear to yellow-colored discharge.
. | What’s your diagnosis?
. | This patient was diagnosed with squamous cell carcinoma.
~ Nonmelanoma skin cancer is the most common cancer in the United States, with basal cell carcinomas (BCC) making up approximately 80% of all cases, followed by squamous cell carcinoma (SCC), at around...
"""),
("G40", "https://askadoctor24x7.com/questions/MRI-detected-lumbar-spondylosis-mildly-indenting-thecal-sac-narrowing-of-bilateral-lateral-recess-Is-it-serious/364716", "MRI detected lumbar spondylosis mildly indenting thecal sac (askadoctor24x7 answer)", r"""
. | Hello and welcome to HCM,
. | I will try to explain you the MRI findings in simple words.
~ The spinal cord is divided into different areas depending on the site.
. | Lumbar spine is the term referred to the spine in the lower back region.
~ The vertebrae are separated from each other by a cartilage called intervertebral disc.
~ this inter vertebral disc provides lubrication during movement of the spine. These discs also act as shock absorbers.
~ From the spinal cord, a pair of nerves emanates at each level.
dx | Spondylosis is a degenerative condition of the spine.
age | It is age related phenomenon.
. | Spondylosis of the spinal cord causes bulging of the inter vertebral disc.
. | Bulging of the disc causes pressure on the nerves.
. | This compression on the nerves can lead to symptoms of weakness and altered sensations in the area supplied by that particular nerve.
img | Besides nerves, a space enclosed by the vertebral body called lateral recess is also being compromised by this bulge.
. | You need to visit an orthopedician for further management.
. | Initially, conservative management is done comprising of bed rest.
. | If the symptoms do not disappear by rest alone, surgery may be required.
~ I hope you are satisfied by my answer.
~ Kindly, leave a feed back if my answer is of help to you.
~ Thanks and take care
~ Dr Shailja P Wahal
"""),
]
