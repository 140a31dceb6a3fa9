DOCS = [
("G21", "https://radiologykey.com/spondylolisthesis-2", "Spondylolisthesis: clinical presentation and imaging (Radiology Key case)", r"""
~ Clinical Presentation
back | The patient is a 73-year-old woman with a chief complaint of low back pain.
back | The patient states that the pain began 3 years ago with some back spasms that started while she was sitting down.
inj:n | There was no significant trauma at that time.
back | The frequency of her pain progressed and for the past year she feels it has been present daily.
back | The pain is of a deep, aching quality, severe at times, in the midline in the lower back.
back | It is relieved by heating pads and a mild oral narcotic and made worse with attempts at dressing and when she wears low-heeled shoes.
back | The patient is worse when sitting and somewhat better walking and standing.
back gait | There is also relief when she leans over the cart at the grocery store.
. | The patient also complains of pain in the lower extremities, slightly greater on the left side.
. | She describes the pain as being at the lateral aspect of the thigh and the lateral aspect of the leg.
. | The character of her leg pain is burning and sharp.
. | There is no bowel or bladder dysfunction.
~ Imaging Presentation
img dx | Sagittal and axial T1-weighted images demonstrate anterior subluxation of L4 relative to L5 with severe spinal stenosis secondary to the pseudo broad-based disc bulging from the anterolisthesis and facet degenerative changes.
img dx | There is approximately 25% uncovering of the L4-5 disc compatible with a grade 1 spondylolisthesis ( Fig. 73-1 ) .
~ Discussion
~ Degenerative spondylolisthesis is defined as the slipping of one vertebral body with respect to an adjacent vertebral body with an intact neural arch. Generally, the direction of slip is defined as the more cephalad vertebral body in relation to the adjacent, inferior vertebral body. Anterolisthesis is defined as anterior slipping of the cephalad vertebral body in relation to the inferior one. Retrolisthesis is posterior slipping of the cephalad vertebral body in relation to the inferior one. One may also refer to lateral listhesis whe
"""),
("G22", "https://www.prognosisapp.com/cases/play/M46_en/Shortened", "Prognosis case M46: back pain after lifting a potted plant", r"""
back inj alt | A 65 year old woman presents with persistent pain in her middle and lower back, which started around a month ago, after she attempted to pick up a potted plant.
back | The pain is worsened by exertion, and relieved by lying down; it has progressively increased over time.
. | There was no associated tingling, numbness or weakness.
. | Her menopause was at 48 years of age.
. | She has never been on hormone replacement therapy.
~ Select Relevant Investigations
~ X-Ray Lumbar Spine
img dx | There is a compression wedge fracture of the L1 vertebral body.
img | The L4/L5 and L5/S1 disk spaces are narrowed.
~ DXA scan and VFA
img | The DXA scan of the spine gives a T-Score of -2.7
img dx | VFA: Grade 1 stable vertebral wedge fracture deformity of the L1 vertebral body.
. | The ESR is 25 mm/1h (normal: 0-30)
~ S. Ca++, PO4--- & ALP
~ S. Ca++: 9.2 mg/dl (8.9-10.1 mg/dL)
~ S. PO4---: 3 mg/dl (2.5-4.5 mg/dL)
~ Alkaline Phosphatase (ALP): 130 IU/L (44-147 IU/L)
~ Select Relevant Management
~ Spinal Fixation
~ Strict Prolonged Bed Rest
~ Hyperextension Braces
"""),
("G23", "https://www.stuvia.com/en-us/doc/9442645/comprehensive-i-human-case-study-evaluation-diagnosis-and-management-of-an-acute-osteoporotic-vertebral-compression-fracture-in-a-66-year-old-postmenopausal-female-presenting-with-sudden-lower-back-pain-week-9-2025-edition", "i-Human case study: acute osteoporotic vertebral compression fracture, 66-year-old woman (Stuvia preview)", r"""
~ Management of an Acute Osteoporotic Vertebral Compression
~ Fracture in a 66-Year-Old Postmenopausal Female Presenting
~ with Sudden Lower Back Pain – Week 9 (2025 Edition)
~ ,Chief Complaint
back | “I have severe lower back pain that started suddenly two days ago after I bent over.”
~ Patient Information
~ Name: Mary Johnson
~ Age: 66 years
~ Sex: Female
~ Ethnicity: Caucasian
~ Setting: Outpatient Clinic
~ Date: Week 9 Clinical Evaluation – 2025
~ History of Present Illness (HPI)
back | Mary Johnson, a 66-year-old postmenopausal female, presents with acute onset of mid-lumbar back pain for 2 days.
inj alt | The pain began after she bent over to lift a light laundry basket.
back | She describes it as a sharp, stabbing pain localized in the midline of her lower back, without radiation to the legs.
back | The pain worsens with standing or walking and is partially relieved by lying down.
inj:n | She denies any recent trauma, fever, numbness, weakness, bowel or bladder incontinence.
. | She reports a history of osteoporosis diagnosed 5 years ago, for which she has been inconsistently taking calcium and vitamin D.
. | She has not been on bisphosphonate therapy.
~ Past Medical History
. | Osteoporosis (diagnosed 5 years ago)
. | Hypertension
. | Hyperlipidemia
~ , Medications
~ Lisinopril 10 mg PO daily
~ Atorvastatin 20 mg PO nightly
~ Calcium carbonate 500 mg PO twice daily (inconsistent use)
~ Vitamin D3 1000 IU daily
~ Allergies
~ No known drug allergies
~ Social History
. | Retired teacher
. | Non-smoker, drinks 1 glass of wine per week
. | Sedentary lifestyle
. | Diet low in dairy
. | Lives alone
~ Family History
dx:o | Mother: Osteoporosis, hip fracture at age 78
. | Father: Coronary artery disease
. | Sister: Type 2 diabetes
~ Review of Systems
. | General: No weight loss, fever, or fatigue
back | Musculoskeletal: Severe lumbar pain, worse with movement
. | Neurological: No numbness or weakness
. | Genitourinary: No incontinence
. | Other systems: Unremarkable
~ Physical Examination
. | General: Elderly female in mild distress due to pain
~ Vital Signs: BP 132/80 mmHg, HR 86 bpm, RR 18/min, Temp
~ 98.2°F, SpO₂ 98%
"""),
("G24", "http://ehealthforum.com/health/walk-with-a-limp-t269651.html", "Walk with a limp (eHealthForum reply, lay account)", r"""
. | When I read your post, I was looking for answers, but now I feel that I may have some answers for you.
gait | I too have been walking with a limp over the past few years.
gait back sec | At first, it caused no pain, but after a while, I began to feel pain in my back, especially after walking long distances.
sec | I think the problem is related to the spinal column, especially the lower back.
back alt | I think my lower back problem has been caused by walking significant distances while carrying heavy bags.
. | You might want to read up on the spinal column, herniated disks, and spinal decompression.
gait | A few years ago, I tried using an inversion table and after three days, I found that my limp was gone.
alt | Believing that I found a solution to my problem, I continued to walk while carrying heavy boxes.
. | This only aggravated my problem.
. | I only recently acquired an inversion table and started using it regularly a couple weeks ago.
. | The results are not as quick as they were two years ago because I allowed the problem to persist too long.
~ If you don't know what inversion therapy is, look it up on the web, you will find many articles. You will also find demonstrations for inversion tables on the YouTube.
~ It is starting to work for me now, but it will take some time. The sooner you start, the easier it will be for you to resolve your problem.
~ I hope this helps.
"""),
("G25", "https://painfreehips.com/does-how-you-walk-affect-your-hip-and-back-pain/", "Does How You Walk Affect Your Hip And Back Pain? (patient's own introduction)", r"""
~ Does How You Walk Affect Your Hip And Back Pain?
~ The Effects Of How You Walk On Hip And Back Pain
. | Hi, my name is Lauren, and I wanted to write the introduction for this post.
gait | The reason being, I actually walk funny or weird by normal standards!
gait | My knee’s go in together when I’m walking.
. | The name for this is called knee valgus.
gait sec | It has not only been a physical problem in terms of when I do walk and the effects this has on my hips and back, (details through the post) but it has an emotional toll when you live with knee valgus.
gait | People stare at you and the way that you walk.
gait | When I would walk toward or pass people, I could see their eyes stare down toward my knees and it immediately made me feel uncomfortable and self conscious.
. | I couldn’t change this or that’s what I thought initially.
. | And as a result, I felt miserable and unhappy for many years over this particular aspect of my body.
~ knee valgus with hip pain
. | For example, I didn’t wear certain clothes, I would avoid walking in front of people, I didn’t go out much socially, and so on.
gait back sec | And then over the years, without any form of walking correction because I didn’t seek any help, I started to feel pain in my right hip area, then in my lower back and down the side of my right leg.
. | A tingling sensation that was very uncomfortable.
. | It literally felt like a million little daggers sticking me whenever it felt like it!
~ I had thought to myself great! This what I really needed.
~ I became angry, frustrated and felt a lot of self pity (not good by the way).
back gait | The lower right side of my back was in excruciating pain, numbing when I tried to stand up let alone walk forward!
back | Obviously this hip and back pain affected every part of my life from work to personal activities that needed to get done daily.
. | Example, doing a load of washing and trying to hang it out! Driving, cleaning my house, shopping for food and so on.
~ Can you relate? 
~ I knew I had to take action and the first step basically, was to STOP WH
"""),
("G26", "https://index.healthboards.com/hipreplacement/911852/cost-of-a-mri-on-knee/", "Cost of a MRI on knee (HealthBoards thread: knee MRI report and reply)", r"""
img dx | Ima' paraphrase abit- It states there is tearing of the free edge of the anterior horn and body of the lateral meniscus with full thickness extension through the anterior attachment.
img | There is peripheral displacement or uncovering of the meniscal tissue demonstrated on the coronal views.
img | There is mild thickening and intrasubstance signal within the patellar tendon at the tibial intact.
img | Evaluation of the marrow signal demonstrates mild subarticular bone edema within the lateral tibial plateau.
img | Evaluation of the articular cartilage demonstrates mild chondral thinning within the lateral compartment.
img:n | There is no focal high-grade chondral defect present.
img | There is mild partial thickness chondral loss within the patella and femoral trochlea.
img dx | A small joint effusion is present and lastly it also states distal patellar tendonitis.
img:n | Pretty much everything else came out clear I guess.
. | Yes, it's tough to have knee issues when you're young.
. | At this point in my life (I'm 31) I've pretty much accepted that there won't be any more running or jumping.
. | By the grace of God, I walk and sometimes I can use the elliptical trainer to stay fit.
img dx | So the first paragraph of the MRI report says you have a meniscus tear.
. | The meniscus is a cup-shaped piece of cartilage that sits on top of the shinbone and holds the thighbone when you bend your knee.
img dx | Specifically, your tear is in the front toward the outer side of the knee.
. | Tears can sometimes be repaired surgically, although sometimes it's better not to bother.
img | Paragraph 2 says that the upper part of your tibia (shinbone) shows some swelling and irritation.
. | Probably not severe enough to do anything about surgically, rest and anti-inflammatory medicines are the best option there.
img | Then it discusses "chondral loss" or thinning.
img age | This basically means your cartilage is a little worn down.
age:n | It's something that happens to everyone sooner or later, although yours is early.
~ There's not all that much you can do about it, except try to keep from losing any m
"""),
("G27", "https://www.askthedoctor.com/mri-finding-a-meniscus-tear-126196", "MRI Finding a Meniscus tear (AskTheDoctor Q&A)", r"""
~ MRI Finding a Meniscus tear
inj | Patient: My 17 year old son injured his knee about 5 weeks ago, we had an mri done as a cash patient.
. | Could you please tell me in “people” terms haha, what the following items mean.
img | 1.Bone marrow edema or contusion involving the lateral femoral condyle and posterior medial aspect of the patella.
img:n | There is no evidence of a focal osteochandral defect.
img dx | 2.Subtle abnormal signal intensity extending obliquely through the posterior horn of the lateral meniscus to the inferior menisceal surface believed to represent a lateral menisceal tear.
img dx | Doctor: Basically, the MRI report that you transcribed in your question,  in layman terms, describe a contusion that involved t the distal part of the femur and the patella and a Meniscus tear, it does not state the degree of tear, but, hopefully would be a small one.
. | Meniscus injuries are a common problem in sports and in young active individuals; they are the most frequent injury to the knee joint.
~ The menisci are C -shaped fibrocartilaginous structures attached to the tibia and their main functions to enhance the contact between the two articular surfaces of the knee: femur and tibia ones.
dx:n | Sometimes these injuries are associated with ACL or collateral ligaments tears, this does not seem to be the case with your son.
~ If the meniscus lesion is mild and the ligament tear is partial, conservative treatment can be used. Spontaneous healing is common because of the rich blood supply in the meniscus periphery. Successful recovery from a meniscus tear is helped by a gradual resolution of symptoms over 6 weeks with a return to normal activity by 3 months. But in more severe cases (complete torn meniscus and/or ligaments) the arthroscopic repair surgery must be considered.
"""),
("G28", "http://49.12.195.9:8081/r/Osteoarthritis", "r/Osteoarthritis post: knee MRI impression and findings (reddit mirror)", r"""
. | Please help me understand, in layman terms, this long and confusing knee MRI results before I see my orthopedic surgeon in 4 weeks.
. | Sounds to me my knee is in really bad shape, is it not?
dx:h | Based on your understanding, Am I candidate for total knee replacement?
. | Or besides initial PT, what else should I try and/or expect?
. | If it makes a difference, I'm 61 y/o, apprx 15-20# overweight.
dx | BTW, I had a knee arthoscopy w/lateral release for chondromalacia about 25 years ago which help me a lot then.
~ TIA
~ KNEE MRI IMPRESSION:
img dx | Radial tear of the body segment of the medial meniscus with an acute subchondral fracture of the medial tibial plateau and surrounding bone marrow edema.
img dx | Tear of the anterior horn of the lateral meniscus.
img dx | Tricompartmental chondrosis including high-grade articular cartilage loss in the patellofemoral compartment and moderate grade articular cartilage loss in the medial compartment.
img dx | Moderate joint effusion with synovitis.
~ FINDINGS:
~ Medial compartment:
img dx | Radial tear of the body segment of the medial meniscus.
img:n | The MCL is intact.
img dx | Moderate thinning of the articular cartilage in the medial compartment with an acute subchondral fracture of the medial tibial rim and surrounding bone marrow edema.
~ Lateral compartment:
img dx | Tear of the anterior horn of the lateral meniscus.
img:n | The LCL complex is intact.
img | Mild thinning of the articular cartilage in the lateral compartment.
~ Patellofemoral extensor mechanism:
img:n | The quadriceps and patellar tendons are intact.
img | High-grade articular cartilage loss in the patellofemoral compartment.
img:n | Intercondylar notch. The ACL and PCL are intact.
~ Osseous structures:
img:n dx:n | No acute fracture or marrow replacing lesion.
img:n | No osteonecrosis.
img dx | Other: Moderate joint effusion with synovitis.
~ TECHNIQUE:
. | MR imaging of the left knee was performed, including the following pulse sequences: Coronal T1, coronal PD with fat saturation, sagittal PD, sagittal T2, sagittal PD with fat saturation, axial PD with fat saturation.
~ FINDINGS:
~ FLUID / INTRA-ARTICULAR BODIES: A moderate su
"""),
("G29", "https://umedic.rossu.edu/eca/imi/hxQuestion.html", "Inferior MI case history (Ross University eCardiology case, unrelated)", r"""
. | Our patient is a 48-year-old man with a chief complaint of chest pain of 45 minutes duration.
. | Paramedics were called by dialing 911 and arrived on the scene within five minutes.
. | They obtained the following pertinent history.
. | While playing racquetball, the patient developed nausea and epigastric discomfort.
. | He vomited without relief several times.
. | The discomfort increased and became an intense substernal ache with radiation into the neck.
. | It was unaffected by movement, body position, or breathing.
. | The patient denied any additional pertinent medical history.
inj:n | He specifically responded to the paramedics’ questions that he had no history of bleeding, stroke, hypertension, recent trauma or surgery.
. | In this urgent situation, a focused cardiovascular examination was also performed by the paramedics.
. | The patient was anxious and mildly diaphoretic, his blood pressure was 90/60 mmHg in both arms, pulse rate fifty and regular, and respirations sixteen.
. | His arterial pulses were normal and there was no jugular venous distention.
. | On auscultation of the heart and lungs, they found no abnormalities.
. | Based on the patient’s focused history and physical examination, immediate management was undertaken by the paramedics.
. | They placed the patient on an ECG monitor and also obtained a 12-lead electrocardiogram.
~ Nasal oxygen, insertion of a peripheral IV line, and appropriate drug therapy were also initiated. The patient was quickly transported to a nearby emergency department, where monitoring and oxygen therapy were continued and appropriate studies were ordered, including another electrocardiogram and cardiac markers.
~ As the patient was being evaluated, further history was obtained in the emergency department from his wife.
. | She stated that he had been healthy and active and had had no medical problems or medical care in many years.
. | She was worried because he smoked a package of cigarettes per day for at least twenty years, and his father died of a heart attack at age fifty-two.
~ There
"""),
("G30", "http://journal.publications.chestnet.org/article.aspx?articleid=1376769", "Chest Pain, ST Elevation, and Increasing Troponin: Is It Really Myocardial Infarction? (CHEST meeting abstract, unrelated)", r"""
~ Critical Care |
~ Chest Pain, ST Elevation, and Increasing Troponin: Is It Really Myocardial Infarction? FREE TO VIEW
~ Kovid Trivedi*, MD; Pranay Trivedi, MBBS; Hasnain Bawaadam, MD; Nitesh Jain, MD; Aman Sethi, MD; Rashid Nadeem, MD
~ Chest. 2012;142(4_MeetingAbstracts):353A. doi:10.1378/chest.1390372
~ INTRODUCTION: Chest pain is an important symptom of myocardial infarction (MI) and this is why it alerts the health care team. AHA guidelines say that the presence of any 2 of the 3 cardinal features of acute coronary syndrome, i.e. chest pain, EKG changes and positive & rising cardiac enzymes, are enough to diagnose MI. But a false diagnosis of MI may lead the patient to unnecessary invasive procedures that might be associated with morbidity and mortality.
. | CASE PRESENTATION: 40 year old female with history of diabetes mellitus presented to the ED with 10/10 left-sided chest pain radiating to left arm with numbness of left arm and palpitations & anxiety.
. | The pain increased on deep inspiration.
. | Physical examination revealed over-weight female with no other significant positive finding.
. | Troponin I and CK-MB were elevated.
. | 12 lead EKG showed ST segment elevation in leads I, II, avR, avL & V2-V6 with no reciprocal changes.
. | Patient had a history of URI 1 week back.
. | Based on this scenario, she was diagnosed with acute pericarditis.
. | Repeat troponin levels showed rise.
. | Diagnoses of myocarditis or myocardial infarction were also considered at this point.
. | Considering the risk factors (weight, diabetes mellitus, ST elevation, Troponin rise) and unavailability of a catheterization laboratory at our hospital, it was decided to transfer the patient for PCI.
~ At the other hospital, trans-thoracic
"""),
]
